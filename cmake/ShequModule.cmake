# shequ_module(NAME
#   SOURCES ...        library sources (model, store, service, handlers, module manifest)
#   MIGRATIONS ...     migrations/NNNN_name[.sqlite|.postgres].sql, embedded into the library
#   DEPENDS ...        other shequ_<module> targets or imported libraries
#   TESTS ...          unit tests, no database
#   DB_TESTS ...       tests that open a database: registered once per backend)
#
# Makes the static library shequ_<NAME>, its test executable shequ_<NAME>_tests and, when the
# module has migrations, a generated source that embeds them so the binary needs no files beside it.
function(shequ_module NAME)
  cmake_parse_arguments(M "" "" "SOURCES;MIGRATIONS;DEPENDS;TESTS;DB_TESTS" ${ARGN})
  set(target shequ_${NAME})
  set(sources ${M_SOURCES})
  if(M_MIGRATIONS)
    set(generated ${CMAKE_CURRENT_BINARY_DIR}/${NAME}_migrations.cpp)
    shequ_embed_migrations(${NAME} ${generated} ${M_MIGRATIONS})
    list(APPEND sources ${generated})
  endif()
  add_library(${target} STATIC ${sources})
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${target} PUBLIC ${M_DEPENDS})

  if(M_TESTS OR M_DB_TESTS)
    set(test_target ${target}_tests)
    add_executable(${test_target} ${M_TESTS} ${M_DB_TESTS})
    target_link_libraries(${test_target} PRIVATE ${target} shequ_testing GTest::gtest_main GTest::gmock)
    if(M_TESTS)
      shequ_unit_filter(filter ${M_TESTS})
      gtest_discover_tests(${test_target} TEST_PREFIX "${NAME}." TEST_FILTER "${filter}"
        PROPERTIES LABELS unit DISCOVERY_TIMEOUT 60)
    endif()
    if(M_DB_TESTS)
      shequ_unit_filter(filter ${M_DB_TESTS})
      foreach(backend sqlite postgres)
        gtest_discover_tests(${test_target} TEST_PREFIX "${NAME}.${backend}." TEST_FILTER "${filter}"
          PROPERTIES LABELS ${backend} ENVIRONMENT "SHEQU_TEST_BACKEND=${backend}"
          DISCOVERY_TIMEOUT 60)
      endforeach()
    endif()
  endif()
endfunction()

# Test files name their suites after themselves (foo_store_test.cpp -> FooStore*), so a filter
# built from file names tells unit suites from database suites inside one executable.
function(shequ_unit_filter out)
  set(patterns "")
  foreach(file ${ARGN})
    get_filename_component(stem ${file} NAME_WE)
    string(REGEX REPLACE "_test$" "" stem ${stem})
    string(REPLACE "_" ";" parts ${stem})
    set(camel "")
    foreach(part ${parts})
      string(SUBSTRING ${part} 0 1 first)
      string(TOUPPER ${first} first)
      string(SUBSTRING ${part} 1 -1 rest)
      string(APPEND camel "${first}${rest}")
    endforeach()
    list(APPEND patterns "${camel}*")
  endforeach()
  string(REPLACE ";" ":" joined "${patterns}")
  set(${out} "${joined}" PARENT_SCOPE)
endfunction()

function(shequ_embed_migrations NAME OUTPUT)
  set(body "")
  foreach(file ${ARGN})
    get_filename_component(path ${file} ABSOLUTE)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${path})
    file(READ ${path} sql)
    get_filename_component(file_name ${file} NAME)
    string(APPEND body "    {\"${file_name}\", R\"shequ_sql(${sql})shequ_sql\"},\n")
  endforeach()
  file(CONFIGURE OUTPUT ${OUTPUT} CONTENT
"// Generated from ${NAME}/migrations by cmake/ShequModule.cmake; edit the .sql files instead.
#include <span>
#include \"core/db/migration.hpp\"

namespace shequ::${NAME} {
std::span<const db::MigrationFile> Migrations() {
  static const db::MigrationFile kFiles[] = {
${body}  };
  return kFiles;
}
}  // namespace shequ::${NAME}
" @ONLY)
endfunction()
