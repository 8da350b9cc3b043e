#include "core/vcard_rows.hpp"

#include <algorithm>

namespace contacts {
namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

std::string trim(const std::string& s) {
    auto begin = s.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos) return "";
    return s.substr(begin, s.find_last_not_of(" \t\r\n") - begin + 1);
}

bool hasHan(std::string_view s) {
    // U+3400..U+9FFF encode as E3 90 80 .. E9 BF BF: a lead byte E3..E9 is enough here.
    return std::any_of(s.begin(), s.end(), [](char c) {
        auto u = static_cast<unsigned char>(c);
        return u >= 0xE3 && u <= 0xE9;
    });
}

std::string joinAddress(const tiller::io::VcardAddress& a) {
    std::vector<std::string> parts;
    bool chinese = hasHan(a.street + a.locality + a.region + a.country);
    std::string out;
    if (chinese) {
        for (const auto* p : {&a.country, &a.region, &a.locality, &a.extended, &a.street, &a.poBox})
            if (!blank(*p) && out.find(*p) == std::string::npos) out += trim(*p);
        return out;
    }
    for (const auto* p : {&a.poBox, &a.street, &a.extended, &a.locality, &a.region, &a.country})
        if (!blank(*p)) out += (out.empty() ? "" : ", ") + trim(*p);
    return out;
}

bool hasType(const tiller::io::VcardValue& v, std::string_view type) {
    return std::find(v.types.begin(), v.types.end(), type) != v.types.end();
}

// One card as a row under vcardColumns().
SourceRow cardRow(const tiller::io::Vcard& card) {
    enum { fn, org, title, cell, work, home, fax, other, email, email2, adr, postcode, note, bday, count };
    SourceRow row;
    row.line = card.line;
    row.cells.assign(count, "");
    row.cells[fn] = card.formattedName;
    row.cells[org] = card.organization;
    row.cells[title] = card.title;
    std::vector<std::string> others;
    for (const auto& tel : card.phones) {
        int slot = hasType(tel, "fax") ? fax : hasType(tel, "cell") ? cell : hasType(tel, "home") ? home : work;
        if (slot == work && !row.cells[work].empty() && row.cells[cell].empty() && !hasType(tel, "work")) slot = cell;
        if (row.cells[slot].empty())
            row.cells[slot] = tel.value;
        else
            others.push_back(tel.value);
    }
    for (const auto& o : others) row.cells[other] += (row.cells[other].empty() ? "" : ", ") + o;
    if (!card.emails.empty()) row.cells[email] = card.emails[0].value;
    if (card.emails.size() > 1) row.cells[email2] = card.emails[1].value;
    if (!card.addresses.empty()) {
        row.cells[adr] = joinAddress(card.addresses[0]);
        row.cells[postcode] = card.addresses[0].postalCode;
    }
    row.cells[note] = card.note;
    row.cells[bday] = card.birthday;
    return row;
}

}  // namespace

const std::vector<std::string>& vcardColumnNames() {
    static const std::vector<std::string> columns{"FN",        "ORG",   "TITLE",   "TEL CELL", "TEL WORK",
                                                  "TEL HOME",  "TEL FAX", "TEL OTHER", "EMAIL",  "EMAIL 2",
                                                  "ADR",       "ADR POSTCODE", "NOTE", "BDAY"};
    return columns;
}

std::vector<SourceRow> vcardSourceRows(const tiller::io::VcardFile& cards) {
    std::vector<SourceRow> all;
    for (const auto& card : cards.cards) all.push_back(cardRow(card));
    for (const auto& problem : cards.problems) {
        SourceRow r;
        r.line = problem.line;
        r.problem = problem.message;
        all.push_back(std::move(r));
    }
    std::stable_sort(all.begin(), all.end(), [](const SourceRow& a, const SourceRow& b) { return a.line < b.line; });
    return all;
}

}  // namespace contacts
