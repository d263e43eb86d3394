// The built web front end (web/dist), served beside the API by `shequ serve --web-dir`.
//
// Files are read from disk on each request, so a rebuilt front end is live without a restart.
// A path with no file extension that names no file is a page of a single-page app: /m/… gets
// m/index.html (the phone pages), everything else index.html (the console). Hashed assets under
// /assets/ are cached for a year; pages are revalidated every time, so a new release is picked up.
// A precompressed name.gz is sent to browsers that accept gzip.
#pragma once

#include <filesystem>
#include <optional>

#include "core/http/request.hpp"

namespace shequ::http {

class StaticSite {
 public:
  explicit StaticSite(std::filesystem::path root);

  // The response for a GET or HEAD the API does not route, or nullopt when the site has nothing
  // for it (the caller answers 404 in the API's error shape).
  std::optional<Response> Serve(const Request& request) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  std::optional<std::filesystem::path> Resolve(std::string_view path) const;

  std::filesystem::path root_;
};

// The media type for a file name, by extension; application/octet-stream when unknown.
std::string_view ContentTypeFor(std::string_view filename);

}  // namespace shequ::http
