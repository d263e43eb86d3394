#include "core/http/static_site.hpp"

#include <fstream>
#include <iterator>
#include <string>

namespace shequ::http {
namespace {

std::optional<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool IsRegularFile(const std::filesystem::path& path) {
  std::error_code error;
  return std::filesystem::is_regular_file(path, error);
}

bool AcceptsGzip(const Request& request) {
  const auto accept = request.Header("accept-encoding");
  return accept && accept->find("gzip") != std::string::npos;
}

}  // namespace

std::string_view ContentTypeFor(std::string_view filename) {
  const auto dot = filename.rfind('.');
  const auto ext = dot == std::string_view::npos ? std::string_view{} : filename.substr(dot + 1);
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "json" || ext == "map") return "application/json; charset=utf-8";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "webp") return "image/webp";
  if (ext == "ico") return "image/x-icon";
  if (ext == "woff2") return "font/woff2";
  if (ext == "woff") return "font/woff";
  if (ext == "ttf") return "font/ttf";
  if (ext == "mp3") return "audio/mpeg";
  if (ext == "wav") return "audio/wav";
  if (ext == "txt") return "text/plain; charset=utf-8";
  if (ext == "webmanifest") return "application/manifest+json";
  return "application/octet-stream";
}

StaticSite::StaticSite(std::filesystem::path root)
    : root_(std::filesystem::weakly_canonical(std::move(root))) {}

std::optional<std::filesystem::path> StaticSite::Resolve(std::string_view path) const {
  if (path.empty() || path.front() != '/') return std::nullopt;
  // The decoded path must stay inside the root: no "..", no NUL, no backslashes.
  if (path.find('\0') != std::string_view::npos || path.find('\\') != std::string_view::npos)
    return std::nullopt;
  std::filesystem::path relative;
  std::size_t start = 1;
  while (start <= path.size()) {
    const auto end = std::min(path.find('/', start), path.size());
    const auto segment = path.substr(start, end - start);
    if (segment == "..") return std::nullopt;
    if (!segment.empty() && segment != ".") relative /= std::string(segment);
    start = end + 1;
  }
  const auto file = root_ / relative;
  if (IsRegularFile(file)) return file;
  if (!relative.empty() && IsRegularFile(file / "index.html")) return file / "index.html";
  // A page of the single-page apps: only extension-less paths, so a missing asset stays a 404.
  const auto last = relative.filename().string();
  if (last.find('.') != std::string::npos) return std::nullopt;
  const auto first = relative.empty() ? std::string{} : relative.begin()->string();
  if (first == "assets") return std::nullopt;
  const auto page = first == "m" ? root_ / "m" / "index.html" : root_ / "index.html";
  if (IsRegularFile(page)) return page;
  return std::nullopt;
}

std::optional<Response> StaticSite::Serve(const Request& request) const {
  if (request.method != Method::kGet && request.method != Method::kHead) return std::nullopt;
  if (request.path.starts_with("/api/") || request.path.starts_with("/open311/")) return std::nullopt;
  const auto file = Resolve(request.path);
  if (!file) return std::nullopt;

  Response response;
  const auto name = file->filename().string();
  response.content_type = std::string(ContentTypeFor(name));
  const bool hashed_asset = file->parent_path().filename() == "assets";
  response.headers.emplace_back("Cache-Control",
                                hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
  std::optional<std::string> body;
  if (AcceptsGzip(request)) {
    auto compressed = *file;
    compressed += ".gz";
    if (IsRegularFile(compressed) && (body = ReadFile(compressed))) {
      response.headers.emplace_back("Content-Encoding", "gzip");
    }
  }
  if (!body) body = ReadFile(*file);
  if (!body) return std::nullopt;
  response.headers.emplace_back("Vary", "Accept-Encoding");
  if (name == "index.html") {
    // The pages may only run their own scripts and talk to their own server; fonts may also be
    // data: URLs, the way the component libraries embed their icon fonts.
    response.headers.emplace_back("Content-Security-Policy",
                                  "default-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; "
                                  "style-src 'self' 'unsafe-inline'; "
                                  "connect-src 'self'; frame-ancestors 'none'");
    response.headers.emplace_back("X-Frame-Options", "DENY");
  }
  response.body = std::move(*body);
  return response;
}

}  // namespace shequ::http
