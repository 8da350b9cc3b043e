#include <tiller/plugin/semver.hpp>

#include <catch2/catch.hpp>

using tiller::plugin::Version;
using tiller::plugin::VersionRange;

namespace {
bool inRange(const char* range, const char* version) {
    auto r = VersionRange::parse(range);
    REQUIRE(r);
    auto v = Version::parse(version);
    REQUIRE(v);
    return r->contains(*v);
}
}  // namespace

TEST_CASE("versions parse and order as semantic versions", "[semver]") {
    CHECK(Version::parse("1.2.3")->text() == "1.2.3");
    CHECK(Version::parse("2")->text() == "2.0.0");
    CHECK(*Version::parse("1.2.3-beta") < *Version::parse("1.2.3"));
    CHECK(*Version::parse("1.9.9") < *Version::parse("1.10.0"));
    for (const char* bad : {"", "one", "1.", "1.2.3.4", "v1.0", "1.0-", "-1"}) {
        INFO(bad);
        CHECK_FALSE(Version::parse(bad));
    }
}

TEST_CASE("ranges accept what they promise and nothing else", "[semver]") {
    CHECK(inRange("^1.2", "1.2.0"));
    CHECK(inRange("^1.2", "1.9.4"));
    CHECK_FALSE(inRange("^1.2", "2.0.0"));
    CHECK_FALSE(inRange("^1.2", "1.1.9"));
    CHECK(inRange("^0.3", "0.3.7"));
    CHECK_FALSE(inRange("^0.3", "0.4.0"));
    CHECK(inRange("~1.2", "1.2.9"));
    CHECK_FALSE(inRange("~1.2", "1.3.0"));
    CHECK(inRange(">=1.0 <2", "1.5.0"));
    CHECK_FALSE(inRange(">=1.0 <2", "2.0.0"));
    CHECK(inRange("1.4.2", "1.4.2"));
    CHECK_FALSE(inRange("1.4.2", "1.4.3"));
    CHECK(inRange("*", "7.0.0"));
    CHECK_FALSE(inRange(">=99.0", "1.0.0"));
}

TEST_CASE("a malformed range is refused with the word that is wrong", "[semver]") {
    std::string why;
    CHECK_FALSE(VersionRange::parse(">=1.0 <two", &why));
    CHECK(why == "'<two' is not a version or a version range");
    CHECK_FALSE(VersionRange::parse("  ", &why));
}
