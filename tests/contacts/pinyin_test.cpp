// Pinyin for the global search: full pinyin, syllables and initials of Chinese names, with
// ICU's Han-Latin transliteration.
#include "core/pinyin.hpp"

#include <catch2/catch.hpp>

#include <thread>

using namespace contacts;

TEST_CASE("a Chinese name has its full pinyin, its syllables and its initials", "[contacts][pinyin]") {
    CHECK(fullPinyin("张三") == "zhangsan");
    CHECK(spacedPinyin("张三") == "zhang san");
    CHECK(initials("张三") == "zs");
    CHECK(pinyinSyllables("北京华为") == std::vector<std::string>{"bei", "jing", "hua", "wei"});
    CHECK(initials("北京华为科技有限公司") == "bjhwkjyxgs");
    CHECK(fullPinyin("绿") == "lu");  // ü folds to u, as users type it
}

TEST_CASE("mixed text keeps its Latin words and adds the pinyin of its Chinese ones", "[contacts][pinyin]") {
    CHECK(pinyinSyllables("Alice 陈") == std::vector<std::string>{"alice", "chen"});
    CHECK(fullPinyin("Alice 陈") == "alicechen");
    CHECK(initials("Alice 陈") == "ac");
    CHECK(pinyinSyllables("陈Bob-3号") == std::vector<std::string>{"chen", "bob", "3", "hao"});
    CHECK(fullPinyin("Café") == "cafe");
    CHECK(pinyinSyllables("").empty());
    CHECK(pinyinSyllables(" ,. ").empty());
}

TEST_CASE("Han characters are recognised, lower case covers Latin text", "[contacts][pinyin]") {
    CHECK(containsHan("Alice 陈"));
    CHECK_FALSE(containsHan("Alice"));
    CHECK_FALSE(containsHan("13800138000"));
    CHECK(lowerCase("Alice@Example.COM") == "alice@example.com");
    CHECK(lowerCase("张三") == "张三");
}

TEST_CASE("a polyphonic character gets ICU's one reading (a documented limit)", "[contacts][pinyin]") {
    // 曾 as a surname is "zeng", 单 "shan"; ICU reads them without context.
    const auto zeng = fullPinyin("曾");
    const auto shan = fullPinyin("单");
    CHECK((zeng == "ceng" || zeng == "zeng"));
    CHECK((shan == "dan" || shan == "shan" || shan == "chan"));
    CHECK(fullPinyin("重").size() >= 4);
}

TEST_CASE("pinyin can be computed from several threads at once", "[contacts][pinyin]") {
    std::vector<std::string> results(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < results.size(); ++i) {
        threads.emplace_back([&results, i] {
            for (int n = 0; n < 200; ++n) results[i] = fullPinyin("北京华为科技有限公司");
        });
    }
    for (auto& t : threads) t.join();
    for (const auto& r : results) CHECK(r == "beijinghuaweikejiyouxiangongsi");
}
