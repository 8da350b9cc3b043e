#include <tiller/io/vcard.hpp>

#include <tiller/errors.hpp>
#include <tiller/io/encoding.hpp>

#include <algorithm>
#include <cctype>
#include <map>

namespace tiller::io {
namespace {

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

struct Line {
    long long number = 0;
    std::string text;
};

// The part before the value's colon names QUOTED-PRINTABLE: its soft line breaks ("=" at the
// end of a line) continue the value on the next line, which is not indented.
bool endsInSoftBreak(const std::string& line) {
    auto colon = line.find(':');
    if (colon == std::string::npos || line.empty() || line.back() != '=') return false;
    return upper(line.substr(0, colon)).find("QUOTED-PRINTABLE") != std::string::npos;
}

// Physical lines joined into content lines: folded lines (a leading space or tab) and
// quoted-printable soft line breaks undone. Each keeps the line it starts on.
std::vector<Line> contentLines(const std::string& text) {
    std::vector<Line> lines;
    bool softBreak = false;
    long long number = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of("\r\n", start);
        if (end == std::string::npos) end = text.size();
        std::string physical = text.substr(start, end - start);
        ++number;
        if (end < text.size() && text[end] == '\r' && end + 1 < text.size() &&
            text[end + 1] == '\n')
            ++end;
        start = end + 1;
        if (softBreak) {
            lines.back().text.pop_back();  // the "="
            lines.back().text += physical;
        } else if (!lines.empty() && !physical.empty() &&
                   (physical[0] == ' ' || physical[0] == '\t')) {
            lines.back().text += physical.substr(1);
        } else if (!physical.empty()) {
            lines.push_back({number, physical});
        } else {
            continue;
        }
        softBreak = endsInSoftBreak(lines.back().text);
    }
    return lines;
}

std::string decodeQuotedPrintable(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '=' && i + 2 < s.size() + 0 &&
            std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

// Splits at `separator` outside double quotes (parameters) or not escaped by a backslash (values).
std::vector<std::string> split(std::string_view s, char separator, bool quotes) {
    std::vector<std::string> parts(1);
    bool quoted = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (quotes && c == '"') {
            quoted = !quoted;
            continue;
        }
        if (!quotes && c == '\\' && i + 1 < s.size()) {
            parts.back() += c;
            parts.back() += s[++i];
            continue;
        }
        if (c == separator && !quoted) {
            parts.emplace_back();
            continue;
        }
        parts.back() += c;
    }
    return parts;
}

std::string unescape(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            char next = s[++i];
            out += next == 'n' || next == 'N' ? '\n' : next;
        } else {
            out += s[i];
        }
    }
    return out;
}

struct Property {
    std::string name;  // upper case, group prefix removed
    std::vector<std::string> types;
    std::string encoding, charset;  // upper case
    std::string value;              // still escaped, decoded to UTF-8
};

Property parse(const Line& line) {
    bool quoted = false;
    std::size_t colon = std::string::npos;
    for (std::size_t i = 0; i < line.text.size(); ++i) {
        if (line.text[i] == '"') quoted = !quoted;
        if (line.text[i] == ':' && !quoted) {
            colon = i;
            break;
        }
    }
    if (colon == std::string::npos)
        throw Error("line " + std::to_string(line.number) + " is not a vCard line (no ':')");
    Property p;
    auto parameters = split(std::string_view(line.text).substr(0, colon), ';', true);
    p.name = upper(parameters[0]);
    if (auto dot = p.name.rfind('.'); dot != std::string::npos) p.name.erase(0, dot + 1);
    for (std::size_t i = 1; i < parameters.size(); ++i) {
        std::string key, value = parameters[i];
        if (auto equals = value.find('='); equals != std::string::npos) {
            key = upper(value.substr(0, equals));
            value.erase(0, equals + 1);
        }
        std::string bare = upper(value);
        if (key == "ENCODING" || (key.empty() && (bare == "QUOTED-PRINTABLE" || bare == "BASE64" ||
                                                  bare == "8BIT" || bare == "7BIT"))) {
            p.encoding = bare;
        } else if (key == "CHARSET") {
            p.charset = bare;
        } else if (key == "TYPE" || key.empty()) {
            for (auto& type : split(value, ',', true))
                if (!type.empty()) p.types.push_back(lower(type));
        } else if (key == "PREF") {
            p.types.emplace_back("pref");
        }
    }
    std::string value = line.text.substr(colon + 1);
    if (p.encoding == "QUOTED-PRINTABLE" || !p.charset.empty()) {
        std::string bytes = p.encoding == "QUOTED-PRINTABLE" ? decodeQuotedPrintable(value) : value;
        // CHARSET only says how the encoded bytes are to be read: the file's own text is UTF-8 by
        // now.
        if (!p.charset.empty() && p.charset != "UTF-8" && p.encoding == "QUOTED-PRINTABLE") {
            try {
                bytes = toUtf8(bytes, p.charset);
            } catch (const Error& e) {
                throw Error("line " + std::to_string(line.number) + ", " + p.name + ": " +
                            e.what());
            }
        } else if (!isUtf8(bytes)) {
            bytes = toUtf8(bytes, detectEncoding(bytes));
        }
        value = bytes;
    }
    p.value = value;
    return p;
}

std::string nameFromN(const Vcard& c) {
    // Chinese names run family name first with no space: 张 + 三 = 张三.
    bool ascii = std::all_of(c.familyName.begin(), c.familyName.end(),
                             [](unsigned char ch) { return ch < 0x80; }) &&
                 std::all_of(c.givenName.begin(), c.givenName.end(),
                             [](unsigned char ch) { return ch < 0x80; });
    if (!ascii) return c.familyName + c.givenName;
    std::string name = c.givenName;
    if (!name.empty() && !c.familyName.empty()) name += ' ';
    return name + c.familyName;
}

std::string describe(const Vcard& c) {
    std::string what;
    if (!c.organization.empty())
        what = "ORG " + c.organization;
    else if (!c.phones.empty())
        what = "TEL " + c.phones.front().value;
    else if (!c.emails.empty())
        what = "EMAIL " + c.emails.front().value;
    return what.empty() ? "" : " (" + what + ")";
}

void apply(Vcard& card, const Property& p) {
    auto components = [&p] {
        auto parts = split(p.value, ';', false);
        for (auto& part : parts) part = unescape(part);
        return parts;
    };
    auto component = [](const std::vector<std::string>& parts, std::size_t i) {
        return i < parts.size() ? parts[i] : std::string();
    };
    if (p.name == "VERSION") {
        card.version = p.value;
    } else if (p.name == "FN") {
        card.formattedName = unescape(p.value);
    } else if (p.name == "N") {
        auto n = components();
        card.familyName = component(n, 0);
        card.givenName = component(n, 1);
        card.additionalNames = component(n, 2);
        card.prefixes = component(n, 3);
        card.suffixes = component(n, 4);
    } else if (p.name == "ORG") {
        auto org = components();
        card.organization = component(org, 0);
        card.department = component(org, 1);
    } else if (p.name == "TITLE") {
        card.title = unescape(p.value);
    } else if (p.name == "NOTE") {
        card.note = unescape(p.value);
    } else if (p.name == "BDAY") {
        card.birthday = unescape(p.value);
    } else if (p.name == "TEL") {
        std::string number = unescape(p.value);
        if (lower(number.substr(0, 4)) == "tel:") number.erase(0, 4);  // vCard 4.0 VALUE=uri
        if (!number.empty()) card.phones.push_back({p.types, number});
    } else if (p.name == "EMAIL") {
        std::string address = unescape(p.value);
        if (!address.empty()) card.emails.push_back({p.types, address});
    } else if (p.name == "ADR") {
        auto a = components();
        VcardAddress address{p.types,         component(a, 0), component(a, 1), component(a, 2),
                             component(a, 3), component(a, 4), component(a, 5), component(a, 6)};
        card.addresses.push_back(std::move(address));
    }
}

// vCard 3.0 text escaping (RFC 2426 5.8.4).
std::string escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '\\' || c == ',' || c == ';') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c != '\r') {
            out += c;
        }
    }
    return out;
}

std::string typeParameter(const std::vector<std::string>& types) {
    std::string list;
    for (const auto& type : types) {
        std::string clean;
        for (char c : type)
            if (std::isalnum(static_cast<unsigned char>(c)) || c == '-')
                clean += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (clean.empty()) continue;
        list += (list.empty() ? "" : ",") + clean;
    }
    return list.empty() ? "" : ";TYPE=" + list;
}

// Lines of at most 75 octets (RFC 2426 2.6); a continuation starts with a space, which counts.
// A cut never falls inside a UTF-8 character.
void appendFolded(std::string& out, const std::string& line) {
    constexpr std::size_t kLimit = 75;
    std::size_t start = 0, room = kLimit;
    while (line.size() - start > room) {
        std::size_t cut = start + room;
        while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        out.append(line, start, cut - start);
        out += "\r\n ";
        start = cut;
        room = kLimit - 1;
    }
    out.append(line, start, std::string::npos);
    out += "\r\n";
}

}  // namespace

VcardFile readVcards(std::string_view bytes) {
    std::string text = toUtf8(bytes, detectEncoding(bytes));
    VcardFile file;
    bool open = false, sawCard = false, afterBase64 = false;
    Vcard card;
    for (const Line& line : contentLines(text)) {
        // vCard 2.1 writers may continue a BASE64 photo on lines that are not indented.
        if (afterBase64 && line.text.find(':') == std::string::npos) continue;
        Property p;
        try {
            p = parse(line);
        } catch (const Error& e) {
            if (open) file.problems.push_back({line.number, e.what()});
            continue;
        }
        afterBase64 = p.encoding == "BASE64" || p.encoding == "B";
        std::string value = upper(p.value);
        if (p.name == "BEGIN" && value == "VCARD") {
            if (open)
                file.problems.push_back(
                    {card.line, "line " + std::to_string(card.line) +
                                    ": this card has no END:VCARD and was not imported"});
            card = Vcard{};
            card.line = line.number;
            open = sawCard = true;
        } else if (p.name == "END" && value == "VCARD" && open) {
            open = false;
            if (card.formattedName.empty()) card.formattedName = nameFromN(card);
            if (card.formattedName.empty())
                file.problems.push_back(
                    {card.line,
                     "line " + std::to_string(card.line) +
                         ": this card has no name (neither FN nor N) and was not imported" +
                         describe(card)});
            else
                file.cards.push_back(std::move(card));
        } else if (open) {
            apply(card, p);
        }
    }
    if (!sawCard) throw Error("this is not a vCard file: it holds no BEGIN:VCARD line");
    if (open)
        file.problems.push_back(
            {card.line, "line " + std::to_string(card.line) +
                            ": this card has no END:VCARD and was not imported"});
    return file;
}

std::string writeVcards(const std::vector<Vcard>& cards) {
    std::string out;
    for (const Vcard& c : cards) {
        appendFolded(out, "BEGIN:VCARD");
        appendFolded(out, "VERSION:3.0");
        std::string name = c.formattedName.empty() ? nameFromN(c) : c.formattedName;
        appendFolded(out, "FN:" + escape(name));
        // N is required in 3.0; a card with only FN gets it as the family name.
        bool noN = c.familyName.empty() && c.givenName.empty();
        appendFolded(out, "N:" + escape(noN ? name : c.familyName) + ";" + escape(c.givenName) +
                              ";" + escape(c.additionalNames) + ";" + escape(c.prefixes) + ";" +
                              escape(c.suffixes));
        if (!c.organization.empty() || !c.department.empty())
            appendFolded(out, "ORG:" + escape(c.organization) +
                                  (c.department.empty() ? "" : ";" + escape(c.department)));
        if (!c.title.empty()) appendFolded(out, "TITLE:" + escape(c.title));
        for (const auto& phone : c.phones)
            appendFolded(out, "TEL" + typeParameter(phone.types) + ":" + escape(phone.value));
        for (const auto& email : c.emails)
            appendFolded(out, "EMAIL" + typeParameter(email.types) + ":" + escape(email.value));
        for (const auto& a : c.addresses)
            appendFolded(out, "ADR" + typeParameter(a.types) + ":" + escape(a.poBox) + ";" +
                                  escape(a.extended) + ";" + escape(a.street) + ";" +
                                  escape(a.locality) + ";" + escape(a.region) + ";" +
                                  escape(a.postalCode) + ";" + escape(a.country));
        if (!c.birthday.empty()) appendFolded(out, "BDAY:" + escape(c.birthday));
        if (!c.note.empty()) appendFolded(out, "NOTE:" + escape(c.note));
        appendFolded(out, "END:VCARD");
    }
    return out;
}

}  // namespace tiller::io
