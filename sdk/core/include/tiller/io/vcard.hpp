// Address-book cards (vCard 2.1, 3.0 and 4.0, .vcf) read for customer import and written for
// export. Reading copes with what phones and mail clients really produce: folded lines,
// quoted-printable values with soft line breaks, CHARSET=GBK, and whole files in GBK or UTF-16.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tiller::io {

// A TEL or EMAIL value with its TYPE parameters, lower case ("cell", "work", "home", "pref").
struct VcardValue {
    std::vector<std::string> types;
    std::string value;
};

// An ADR value, by component.
struct VcardAddress {
    std::vector<std::string> types;
    std::string poBox, extended, street, locality, region, postalCode, country;
};

struct Vcard {
    long long line = 0;         // the line of its BEGIN:VCARD, 1-based
    std::string version;        // "2.1", "3.0", "4.0" as the card says
    std::string formattedName;  // FN, or made from N when the card has no FN
    std::string familyName, givenName, additionalNames, prefixes, suffixes;  // N
    std::string organization, department;  // ORG's first two components
    std::string title, note, birthday;  // TITLE, NOTE, BDAY (as written: "1980-05-17", "19800517")
    std::vector<VcardValue> phones, emails;
    std::vector<VcardAddress> addresses;
};

// A card or line that could not be read; the other cards are still returned.
struct VcardProblem {
    long long line = 0;  // where the card (or the bad line) starts
    std::string message;
};

struct VcardFile {
    std::vector<Vcard> cards;  // every card that has a name
    std::vector<VcardProblem> problems;
};

// The cards in the bytes of a .vcf file, in any encoding detectEncoding() recognises. A card
// without a name (no FN and an empty N), one that is never closed by END:VCARD and a value in
// an unknown CHARSET are problems, with their line. Throws Error when the file holds no
// BEGIN:VCARD at all, EncodingError for a file whose text cannot be decoded.
VcardFile readVcards(std::string_view bytes);

// The cards as vCard 3.0, the version phones, Outlook and Google Contacts all import: UTF-8,
// CRLF line ends, values escaped, and lines folded at 75 octets without splitting a character.
std::string writeVcards(const std::vector<Vcard>& cards);

}  // namespace tiller::io
