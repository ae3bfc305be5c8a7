#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace presskg::ingest {

// A person's name split into folded given names and surname: "M. Jean-Marc Boulard" ->
// {"jean", "marc"} + "boulard"; "J.M Boulard" -> {"j", "m"} + "boulard"; "K. El Amrani" ->
// {"k"} + "el amrani"; "Dr Stone" -> {} + "stone". Titles (M., Mme, Mr, Dr, Pr, ...) are dropped.
struct PersonName {
  std::vector<std::string> given;
  std::string surname;
};
PersonName ParsePersonName(std::string_view name);

// True when `a` and `b` can name one person: the same surname, and given names that agree
// position by position while both have one, a single letter agreeing with any name it starts
// ("R" ~ "Ryad", "J M" ~ "Jean-Marc"). "R Mezzour" ~ "Ryad Mezzour", "Robert Mezzour" !~
// "Ryad Mezzour". A bare surname is compatible with every name that has it.
bool PersonNamesCompatible(std::string_view a, std::string_view b);

// True when `name` could be a shorter writing of `other`: compatible with it, and every given
// name it spells out in full is also spelled out by `other` at the same position ("R. Mezzour",
// "R. A. Mezzour" and "Rachid Mezzour" are no more precise than "Rachid Mezzour" or "R Mezzour";
// "Ryad A. Mezzour" is more precise than "R Mezzour"). Used to respect a journalist's split.
bool NoMorePreciseThan(std::string_view name, std::string_view other);

// True when `name` gives more than a surname (a given name or an initial): the names whose keys
// may identify a person across documents.
bool HasGivenName(std::string_view name);

// The surname-first key of a person ("~mezzour ryad"), under which the store lists every person
// of a surname for PersonNamesCompatible; "" for a name without a given name.
std::string SurnameKey(std::string_view name);

}  // namespace presskg::ingest
