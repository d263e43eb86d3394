#include "events/attachment_service.hpp"

#include <gtest/gtest.h>

#include "core/errors/error.hpp"
#include "events/testing/event_test_base.hpp"

namespace shequ::events {
namespace {

using shequ::testing::ErrorOf;

const std::string kPng = std::string("\x89PNG\r\n\x1A\n", 8) + std::string(64, 'p');
const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0", 4) + std::string(64, 'j');

class AttachmentServiceTest : public fixtures::EventTestBase {
 protected:
  AttachmentService& attachments() { return app_.app().attachments(); }
};

TEST_F(AttachmentServiceTest, PhotosAreKeptByContentAndCarriedByASteps) {
  const auto id = Dispatched().event.id;
  Take(gridder_, id, "start");
  const auto before = attachments().Upload(gridder_, id, "image/jpeg", "处置前.jpg", kJpeg);
  const auto after = attachments().Upload(gridder_, id, "image/png", "处置后.png", kPng);
  EXPECT_EQ(before.size, static_cast<std::int64_t>(kJpeg.size()));
  EXPECT_EQ(before.sha256.size(), 64U);
  const auto again = attachments().Upload(community_, id, "image/png", "copy.png", kPng);
  EXPECT_EQ(again.sha256, after.sha256) << "the same bytes, the same file";
  const auto resolved =
      Take(gridder_, id, "feedback", {.note = "已更换", .attachment_ids = {before.id, after.id}});
  ASSERT_EQ(resolved.attachments.size(), 3U);
  EXPECT_EQ(resolved.attachments[0].timeline_id, resolved.timeline.back().id);
  EXPECT_FALSE(resolved.attachments[2].timeline_id) << "not carried by any step";
  EXPECT_EQ(resolved.timeline.back().detail["attachment_ids"].size(), 2U);
  const auto file = attachments().Read(checker_, id, after.id);
  EXPECT_EQ(file.bytes, kPng);
  EXPECT_EQ(file.attachment.content_type, "image/png");
  EXPECT_EQ(ErrorOf([&] { Take(checker_, id, "verify", {.passed = true, .attachment_ids = {before.id}}); }),
            ErrorCode::kFieldInvalid)
      << "a file carried once is not carried again";
  EXPECT_EQ(events().Get(community_, id).event.state, "resolved") << "and the step did not happen";
}

TEST_F(AttachmentServiceTest, BadTypesOversizeAndLiesAreRefused) {
  const auto id = Report(resident_, "facilities.manhole").event.id;
  EXPECT_EQ(
      ErrorOf([&] { attachments().Upload(resident_, id, "application/x-msdownload", "a.exe", "MZ\x90"); }),
      ErrorCode::kUnsupportedMediaType);
  EXPECT_EQ(ErrorOf([&] { attachments().Upload(resident_, id, "image/png", "fake.png", kJpeg); }),
            ErrorCode::kFieldInvalid)
      << "a JPEG sent as PNG";
  EXPECT_EQ(ErrorOf([&] { attachments().Upload(resident_, id, "image/jpeg", "empty.jpg", ""); }),
            ErrorCode::kPayloadTooLarge);
  const std::string huge = kJpeg + std::string(kMaxAttachmentBytes, 'x');
  EXPECT_EQ(ErrorOf([&] { attachments().Upload(resident_, id, "image/jpeg", "huge.jpg", huge); }),
            ErrorCode::kPayloadTooLarge);
  EXPECT_TRUE(attachments().List(resident_, id).empty()) << "nothing kept";
  EXPECT_EQ(attachments().Upload(resident_, id, "image/jpeg", "井盖.jpg", kJpeg).uploaded_by_name, "resident")
      << "a resident adds photos to their own report";
}

TEST_F(AttachmentServiceTest, OnlyThoseWhoSeeTheEventSeeItsFiles) {
  const auto id = Report(community_, "facilities.manhole").event.id;
  const auto photo = attachments().Upload(community_, id, "image/jpeg", "x.jpg", kJpeg);
  EXPECT_EQ(ErrorOf([&] { attachments().Read(neighbour_, id, photo.id); }), ErrorCode::kNotFound);
  EXPECT_EQ(ErrorOf([&] { attachments().Read(resident_, id, photo.id); }), ErrorCode::kNotFound)
      << "not the resident's report";
  EXPECT_EQ(ErrorOf([&] { attachments().Upload(neighbour_, id, "image/jpeg", "x.jpg", kJpeg); }),
            ErrorCode::kNotFound);
  const auto other = Report(community_, "order.noise", "噪声").event.id;
  EXPECT_EQ(ErrorOf([&] { attachments().Read(community_, other, photo.id); }), ErrorCode::kNotFound)
      << "a file is read through its own event";
}

TEST(AttachmentServiceTypes, AreKnownByTheirFirstBytes) {
  EXPECT_TRUE(ContentMatchesType("image/webp", std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)));
  EXPECT_FALSE(ContentMatchesType("image/webp", "RIFF\x10\0\0\0WAVE"));
  EXPECT_TRUE(ContentMatchesType("application/pdf", "%PDF-1.7\n"));
  EXPECT_TRUE(ContentMatchesType("video/mp4", std::string("\0\0\0\x18"
                                                          "ftypmp42",
                                                          12)));
  EXPECT_FALSE(ContentMatchesType("video/mp4", "<html>hello</html>"));
  EXPECT_FALSE(AttachmentTypeAllowed("text/html"));
}

}  // namespace
}  // namespace shequ::events
