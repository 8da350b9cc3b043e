// Address-book cards as phones and mail clients export them, and our own export read back.
#include <tiller/errors.hpp>
#include <tiller/io/encoding.hpp>
#include <tiller/io/vcard.hpp>

#include "temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace tiller;
using Types = std::vector<std::string>;

namespace {
io::VcardFile fixture(const std::string& name) {
    return io::readVcards(
        test::readFile(std::filesystem::path(TILLER_FIXTURES) / "import" / "vcard" / name));
}

void checkWangWu(const io::Vcard& c) {
    CHECK(c.version == "3.0");
    CHECK(c.formattedName == "王五");
    CHECK(c.familyName == "王");
    CHECK(c.givenName == "五");
    CHECK(c.organization == "广州鸿运电子厂");
    CHECK(c.department == "销售部");
    CHECK(c.title == "总经理");
    REQUIRE(c.phones.size() == 2);
    CHECK(c.phones[0].value == "+86 138 0013 8000");
    CHECK(c.phones[0].types == Types{"cell"});
    CHECK(c.phones[1].value == "020-38881234");
    CHECK(c.phones[1].types == Types{"work", "voice"});
    REQUIRE(c.emails.size() == 2);
    CHECK(c.emails[0].value == "wangwu@example.com");
    CHECK(c.emails[0].types == Types{"internet", "work"});
    CHECK(c.emails[1].value == "wangwu@home.example.com");
    REQUIRE(c.addresses.size() == 2);
    CHECK(c.addresses[0].types == Types{"work"});
    CHECK(c.addresses[0].extended == "3楼");
    CHECK(c.addresses[0].street == "广州市天河区体育西路8号, 东塔");
    CHECK(c.addresses[0].locality == "广州市");
    CHECK(c.addresses[0].region == "广东省");
    CHECK(c.addresses[0].postalCode == "510620");
    CHECK(c.addresses[0].country == "中国");
    CHECK(c.addresses[1].types == Types{"home"});
    CHECK(c.addresses[1].street == "天河北路100号");
    CHECK(c.note ==
          "每月初对账\n电话前请先发微信；不要在中午打电话，他们午休。这一行很长，用来试一试折行是否"
          "正确地拼回来。");
    CHECK(c.birthday == "1975-11-02");
}
}  // namespace

TEST_CASE("a vCard 2.1 from an old Android phone: quoted-printable Chinese in UTF-8 and GBK",
          "[io][vcard]") {
    auto file = fixture("android-2.1.vcf");
    CHECK(file.problems.empty());
    REQUIRE(file.cards.size() == 2);
    const auto& zhang = file.cards[0];
    CHECK(zhang.line == 1);
    CHECK(zhang.version == "2.1");
    CHECK(zhang.formattedName == "张三");
    CHECK(zhang.familyName == "张");
    CHECK(zhang.givenName == "三");
    CHECK(zhang.organization == "北京星辰科技有限公司");  // split by a soft line break
    CHECK(zhang.title == "采购经理");
    REQUIRE(zhang.phones.size() == 2);
    CHECK(zhang.phones[0].value == "138-0013-8000");
    CHECK(zhang.phones[0].types == Types{"cell"});
    CHECK(zhang.phones[1].types == Types{"work", "voice"});
    REQUIRE(zhang.emails.size() == 2);
    CHECK(zhang.emails[0].types == Types{"home"});
    CHECK(zhang.emails[1].value == "zhang.san@xingchen.example.com");
    REQUIRE(zhang.addresses.size() == 1);
    CHECK(zhang.addresses[0].types == Types{"work"});
    CHECK(zhang.addresses[0].street == "北京市海淀区中关村大街1号，星辰大厦东门旁边的二号楼三层");
    CHECK(zhang.note == "老客户");
    CHECK(zhang.birthday == "1980-05-17");

    const auto& li = file.cards[1];
    CHECK(li.line == 21);
    CHECK(li.formattedName == "李四");  // made from N: family name first, no space
    CHECK(li.organization == "上海明月贸易有限公司");
    REQUIRE(li.phones.size() == 1);
    CHECK(li.phones[0].types == Types{"cell", "pref"});
}

TEST_CASE("a vCard 3.0 with folded lines, escapes and several TEL, EMAIL and ADR", "[io][vcard]") {
    auto file = fixture("contact-3.0.vcf");
    CHECK(file.problems.empty());
    REQUIRE(file.cards.size() == 1);
    CHECK(file.cards[0].line == 1);
    checkWangWu(file.cards[0]);
}

TEST_CASE("a vCard file saved in GBK reads the same", "[io][vcard]") {
    auto file = fixture("contact-3.0.gbk.vcf");
    REQUIRE(file.cards.size() == 1);
    checkWangWu(file.cards[0]);
}

TEST_CASE("a vCard 4.0 with tel: URIs and quoted TYPE lists", "[io][vcard]") {
    auto file = fixture("contact-4.0.vcf");
    CHECK(file.problems.empty());
    REQUIRE(file.cards.size() == 1);
    const auto& c = file.cards[0];
    CHECK(c.version == "4.0");
    CHECK(c.formattedName == "赵六");
    CHECK(c.organization == "深圳前海云帆科技有限公司");
    REQUIRE(c.phones.size() == 2);
    CHECK(c.phones[0].value == "+86-139-0013-9000");
    CHECK(c.phones[0].types == Types{"cell", "voice", "pref"});
    CHECK(c.phones[1].value == "+86-755-8888-1234");
    REQUIRE(c.addresses.size() == 1);
    CHECK(c.addresses[0].street == "科技园南区8栋");
    CHECK(c.addresses[0].postalCode == "518057");
    CHECK(c.birthday == "19850312");
}

TEST_CASE("a card without a name is reported with its line, the others are kept", "[io][vcard]") {
    auto file = fixture("nameless.vcf");
    REQUIRE(file.cards.size() == 2);
    CHECK(file.cards[0].formattedName == "钱七");
    CHECK(file.cards[1].formattedName == "孙八");
    CHECK(file.cards[1].line == 11);
    REQUIRE(file.problems.size() == 1);
    CHECK(file.problems[0].line == 6);
    CHECK(file.problems[0].message ==
          "line 6: this card has no name (neither FN nor N) and was not imported (ORG 无名贸易行)");
}

TEST_CASE("a card that is never closed is reported, a file without cards is refused",
          "[io][vcard]") {
    auto file = io::readVcards("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张三\r\n");
    CHECK(file.cards.empty());
    REQUIRE(file.problems.size() == 1);
    CHECK(file.problems[0].message == "line 1: this card has no END:VCARD and was not imported");
    CHECK_THROWS_WITH(io::readVcards("客户名称,手机\n张三,13800138000\n"),
                      "this is not a vCard file: it holds no BEGIN:VCARD line");
}

TEST_CASE("a 2.1 photo on lines that are not indented is skipped without complaint",
          "[io][vcard]") {
    auto file = io::readVcards(
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Zhang;San\r\nPHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQ\r\n"
        "SkZJRgABAQ\r\nAAAQABAAD\r\n\r\nTEL;CELL:13800138000\r\nEND:VCARD\r\n");
    CHECK(file.problems.empty());
    REQUIRE(file.cards.size() == 1);
    CHECK(file.cards[0].formattedName == "San Zhang");
    REQUIRE(file.cards[0].phones.size() == 1);
    CHECK(file.cards[0].phones[0].value == "13800138000");
}

TEST_CASE("an unknown CHARSET is reported with the card's line", "[io][vcard]") {
    auto file = io::readVcards(
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:张三\r\nNOTE;CHARSET=X-NOPE;ENCODING=QUOTED-PRINTABLE:="
        "C0=EE\r\nEND:VCARD\r\n");
    REQUIRE(file.cards.size() == 1);
    CHECK(file.cards[0].note.empty());
    REQUIRE(file.problems.size() == 1);
    CHECK(file.problems[0].line == 4);
    CHECK(
        file.problems[0].message ==
        "line 4, NOTE: the text encoding 'X-NOPE' is not known; try UTF-8, GBK, GB18030 or UTF-16");
}

TEST_CASE(
    "exported cards are escaped, folded at 75 octets without splitting a character, and read back",
    "[io][vcard]") {
    auto cards = fixture("contact-3.0.vcf").cards;
    io::Vcard odd;
    odd.formattedName = "钱七, 经理; 备注\\测试";
    odd.organization = "杭州西湖龙井茶叶有限公司（总部）";
    odd.note = std::string("第一行\n第二行，") + std::string(60, 'x') +
               "然后是很长很长很长很长很长很长很长很长的中文";
    odd.phones.push_back({{"cell"}, "13700137000"});
    cards.push_back(odd);

    std::string text = io::writeVcards(cards);
    std::size_t start = 0;
    int folded = 0;
    while (start < text.size()) {
        auto end = text.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        std::string line = text.substr(start, end - start);
        INFO(line);
        CHECK(line.size() <= 75);
        CHECK(io::isUtf8(line));
        if (!line.empty() && line[0] == ' ') ++folded;
        start = end + 2;
    }
    CHECK(folded >= 2);
    CHECK(text.find("FN:钱七\\, 经理\\; 备注\\\\测试\r\n") != std::string::npos);

    auto back = io::readVcards(text);
    CHECK(back.problems.empty());
    REQUIRE(back.cards.size() == 2);
    checkWangWu(back.cards[0]);
    CHECK(back.cards[1].formattedName == odd.formattedName);
    CHECK(back.cards[1].organization == odd.organization);
    CHECK(back.cards[1].note == odd.note);
    CHECK(back.cards[1].phones[0].types == Types{"cell"});
}
