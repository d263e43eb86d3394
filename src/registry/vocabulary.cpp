#include "registry/vocabulary.hpp"

#include <chrono>

#include <fmt/format.h>

namespace shequ::registry {
namespace {

constexpr Term kResidenceTypes[] = {
    {"registered", "户籍人口"}, {"floating", "流动人口"}, {"lodging", "寄住人口"}};
constexpr Term kPersonStatuses[] = {{"living", "在册"}, {"moved_out", "已迁出"}, {"deceased", "已死亡"}};
constexpr Term kSexes[] = {{"M", "男"}, {"F", "女"}};
constexpr Term kPoliticalStatuses[] = {{"communist", "中共党员"},     {"probationary", "中共预备党员"},
                                       {"league", "共青团员"},        {"democratic_party", "民主党派"},
                                       {"nonpartisan", "无党派人士"}, {"masses", "群众"}};
constexpr Term kEducationLevels[] = {
    {"none", "无"},      {"preschool", "学龄前"}, {"primary", "小学"},
    {"junior", "初中"},  {"senior", "高中"},      {"vocational", "中专"},
    {"college", "大专"}, {"bachelor", "本科"},    {"postgraduate", "研究生"}};
constexpr Term kEthnicities[] = {{"汉族", "汉族"},
                                 {"蒙古族", "蒙古族"},
                                 {"回族", "回族"},
                                 {"藏族", "藏族"},
                                 {"维吾尔族", "维吾尔族"},
                                 {"苗族", "苗族"},
                                 {"彝族", "彝族"},
                                 {"壮族", "壮族"},
                                 {"布依族", "布依族"},
                                 {"朝鲜族", "朝鲜族"},
                                 {"满族", "满族"},
                                 {"侗族", "侗族"},
                                 {"瑶族", "瑶族"},
                                 {"白族", "白族"},
                                 {"土家族", "土家族"},
                                 {"哈尼族", "哈尼族"},
                                 {"哈萨克族", "哈萨克族"},
                                 {"傣族", "傣族"},
                                 {"黎族", "黎族"},
                                 {"傈僳族", "傈僳族"},
                                 {"佤族", "佤族"},
                                 {"畲族", "畲族"},
                                 {"高山族", "高山族"},
                                 {"拉祜族", "拉祜族"},
                                 {"水族", "水族"},
                                 {"东乡族", "东乡族"},
                                 {"纳西族", "纳西族"},
                                 {"景颇族", "景颇族"},
                                 {"柯尔克孜族", "柯尔克孜族"},
                                 {"土族", "土族"},
                                 {"达斡尔族", "达斡尔族"},
                                 {"仫佬族", "仫佬族"},
                                 {"羌族", "羌族"},
                                 {"布朗族", "布朗族"},
                                 {"撒拉族", "撒拉族"},
                                 {"毛南族", "毛南族"},
                                 {"仡佬族", "仡佬族"},
                                 {"锡伯族", "锡伯族"},
                                 {"阿昌族", "阿昌族"},
                                 {"普米族", "普米族"},
                                 {"塔吉克族", "塔吉克族"},
                                 {"怒族", "怒族"},
                                 {"乌孜别克族", "乌孜别克族"},
                                 {"俄罗斯族", "俄罗斯族"},
                                 {"鄂温克族", "鄂温克族"},
                                 {"德昂族", "德昂族"},
                                 {"保安族", "保安族"},
                                 {"裕固族", "裕固族"},
                                 {"京族", "京族"},
                                 {"塔塔尔族", "塔塔尔族"},
                                 {"独龙族", "独龙族"},
                                 {"鄂伦春族", "鄂伦春族"},
                                 {"赫哲族", "赫哲族"},
                                 {"门巴族", "门巴族"},
                                 {"珞巴族", "珞巴族"},
                                 {"基诺族", "基诺族"},
                                 {"其他", "其他"},
                                 {"外国血统", "外国血统中国籍人士"}};
constexpr Term kPersonEventKinds[] = {{"birth", "出生"},    {"registered", "登记"},     {"move_in", "迁入"},
                                      {"move_out", "迁出"}, {"relocate", "居住地变更"}, {"death", "死亡"}};
constexpr Term kConcernLevels[] = {{"general", "一般关注"}, {"focus", "重点关注"}, {"special", "特别关注"}};
constexpr Term kVerifications[] = {{"pending", "待核实"}, {"verified", "已核实"}, {"rejected", "核实不符"}};
constexpr Term kSensitivities[] = {{"normal", "一般"}, {"sensitive", "敏感"}, {"restricted", "严格限制"}};
constexpr Term kHouseholdRelations[] = {{"head", "户主"},
                                        {"spouse", "配偶"},
                                        {"son", "子"},
                                        {"daughter", "女"},
                                        {"father", "父亲"},
                                        {"mother", "母亲"},
                                        {"grandchild", "孙子女"},
                                        {"grandparent", "祖父母"},
                                        {"son_in_law", "女婿"},
                                        {"daughter_in_law", "儿媳"},
                                        {"sibling", "兄弟姐妹"},
                                        {"other_relative", "其他亲属"},
                                        {"non_relative", "非亲属"}};
constexpr Term kHouseholdKinds[] = {{"family", "家庭户"}, {"collective", "集体户"}};
constexpr Term kLedgerCategories[] = {{"income", "收入"},  {"employment", "就业"}, {"land", "耕地林地"},
                                      {"subsidy", "补贴"}, {"assistance", "救助"}, {"other", "其他"}};
constexpr Term kHousingUses[] = {{"residential", "住宅"}, {"commercial", "商业"}, {"mixed", "商住两用"},
                                 {"office", "办公"},      {"industrial", "工业"}, {"other", "其他"}};
constexpr Term kHousingOwnerships[] = {
    {"private", "私有"}, {"shared", "产权共有"},     {"public_rental", "公共租赁住房"},
    {"public", "公有"},  {"collective", "集体所有"}, {"other", "其他"}};
constexpr Term kHousingOccupancies[] = {{"owner_occupied", "自住"}, {"rented", "出租"},   {"lent", "借住"},
                                        {"vacant", "空置"},         {"business", "经营"}, {"other", "其他"}};
constexpr Term kHousingPartyRoles[] = {
    {"owner", "产权人"}, {"co_owner", "共有人"}, {"tenant", "承租人"}, {"occupant", "居住人"}};
constexpr Term kVehicleTypes[] = {{"car", "小型汽车"},      {"large", "大型汽车"},
                                  {"motorcycle", "摩托车"}, {"electric_bike", "电动自行车"},
                                  {"trailer", "挂车"},      {"other", "其他"}};
constexpr Term kOrgUnitKinds[] = {{"enterprise", "企业"},
                                  {"individual_business", "个体工商户"},
                                  {"social_organisation", "社会组织"},
                                  {"public_institution", "事业单位"},
                                  {"government", "机关"},
                                  {"other", "其他"}};

#define SHEQU_VOCABULARY(function, field, table)      \
  const Vocabulary& function() {                      \
    static const Vocabulary vocabulary{field, table}; \
    return vocabulary;                                \
  }

}  // namespace

bool Vocabulary::Has(std::string_view code) const {
  for (const auto& term : terms) {
    if (term.code == code) return true;
  }
  return false;
}

std::string_view Vocabulary::Label(std::string_view code) const {
  for (const auto& term : terms) {
    if (term.code == code) return term.label;
  }
  return code;
}

std::optional<std::string_view> Vocabulary::Read(std::string_view code_or_label) const {
  for (const auto& term : terms) {
    if (term.code == code_or_label || term.label == code_or_label) return term.code;
  }
  return std::nullopt;
}

SHEQU_VOCABULARY(ResidenceTypes, "residence_type", kResidenceTypes)
SHEQU_VOCABULARY(PersonStatuses, "status", kPersonStatuses)
SHEQU_VOCABULARY(Sexes, "sex", kSexes)
SHEQU_VOCABULARY(PoliticalStatuses, "political_status", kPoliticalStatuses)
SHEQU_VOCABULARY(EducationLevels, "education", kEducationLevels)
SHEQU_VOCABULARY(Ethnicities, "ethnicity", kEthnicities)
SHEQU_VOCABULARY(PersonEventKinds, "kind", kPersonEventKinds)
SHEQU_VOCABULARY(ConcernLevels, "concern_level", kConcernLevels)
SHEQU_VOCABULARY(Verifications, "verification", kVerifications)
SHEQU_VOCABULARY(Sensitivities, "sensitivity", kSensitivities)
SHEQU_VOCABULARY(HouseholdRelations, "relation", kHouseholdRelations)
SHEQU_VOCABULARY(HouseholdKinds, "kind", kHouseholdKinds)
SHEQU_VOCABULARY(LedgerCategories, "category", kLedgerCategories)
SHEQU_VOCABULARY(HousingUses, "use", kHousingUses)
SHEQU_VOCABULARY(HousingOwnerships, "ownership", kHousingOwnerships)
SHEQU_VOCABULARY(HousingOccupancies, "occupancy", kHousingOccupancies)
SHEQU_VOCABULARY(HousingPartyRoles, "role", kHousingPartyRoles)
SHEQU_VOCABULARY(VehicleTypes, "vehicle_type", kVehicleTypes)
SHEQU_VOCABULARY(OrgUnitKinds, "kind", kOrgUnitKinds)

std::string ChinaToday(const Clock& clock) {
  const auto millis = clock.NowMillis() + std::int64_t{8} * 3600 * 1000;
  const std::chrono::sys_days day{std::chrono::floor<std::chrono::days>(std::chrono::milliseconds(millis))};
  const std::chrono::year_month_day ymd{day};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

std::string YearsBefore(std::string_view date, int years) {
  const int year = std::stoi(std::string(date.substr(0, 4))) - years;
  std::string month_day(date.substr(4));
  if (month_day == "-02-29") month_day = "-02-28";
  return fmt::format("{:04}{}", year, month_day);
}

bool IsDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  const std::chrono::year_month_day ymd{
      std::chrono::year(std::stoi(std::string(text.substr(0, 4)))),
      std::chrono::month(static_cast<unsigned>(std::stoi(std::string(text.substr(5, 2))))),
      std::chrono::day(static_cast<unsigned>(std::stoi(std::string(text.substr(8, 2)))))};
  return ymd.ok();
}

}  // namespace shequ::registry
