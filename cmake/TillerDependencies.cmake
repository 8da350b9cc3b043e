# Every third-party package the tree uses, found in one place (all from Debian 12).
find_package(Threads REQUIRED)
find_package(SOCI REQUIRED)
find_package(yaml-cpp REQUIRED)          # target: yaml-cpp (0.7 has no namespace)
find_package(spdlog REQUIRED)            # rotating log file
find_package(nlohmann_json 3 REQUIRED)
find_package(CLI11 REQUIRED)             # tiller-cli's sub-commands and --help
find_package(Boost 1.74 REQUIRED COMPONENTS locale)  # headers (DLL) + message catalogs
find_package(CURL REQUIRED)              # SMTP
find_package(PkgConfig REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(SECRET REQUIRED IMPORTED_TARGET libsecret-1)  # desktop keyring
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)  # xlsx export
# libcsv has neither a CMake config nor a .pc file.
find_path(CSV_INCLUDE_DIR csv.h REQUIRED)
find_library(CSV_LIBRARY csv REQUIRED)
# Customer import from real-world files: guessing a file's encoding (uchardet), converting it
# (ICU's ucnv), and reading xlsx, which is a zip (libzip) of XML (expat).
pkg_check_modules(UCHARDET REQUIRED IMPORTED_TARGET uchardet)
find_package(ICU REQUIRED COMPONENTS uc i18n)
# libzip through pkg-config: Debian 12's libzip CMake config names /usr/bin/zipcmp, zipmerge and
# ziptool (packages of their own) and stops the configure when they are not installed.
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
find_package(EXPAT REQUIRED)             # target: EXPAT::EXPAT
if(TILLER_BUILD_TESTS)
    find_package(Catch2 2 REQUIRED)
    include(Catch)
endif()
if(TILLER_BUILD_GUI)
    find_package(wxWidgets 3.2 REQUIRED COMPONENTS aui core base)
endif()
