// Address-book cards as rows of a customer import: each card one row under fixed columns named
// after the vCard properties (FN, ORG, TEL CELL ...), which the column guesser knows; a card the
// reader could not use (no name) is a row that carries its problem, at the card's line.
#pragma once

#include "core/customer_file.hpp"

#include <tiller/io/vcard.hpp>

#include <string>
#include <vector>

namespace contacts {

const std::vector<std::string>& vcardColumnNames();

// The cards and the problems of a file, in the order of their lines.
std::vector<SourceRow> vcardSourceRows(const tiller::io::VcardFile& cards);

}  // namespace contacts
