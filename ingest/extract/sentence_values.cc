#include "ingest/extract/sentence_values.h"

namespace presskg::ingest {
namespace {

bool IsValue(const Item& it, Value::Kind kind) {
  return it.type == Item::Type::kValue && it.value.kind == kind;
}

// The money value "pour" / "for" at `k` introduces, or nullptr.
const Value* MoneyFor(const std::vector<Item>& items, std::size_t k) {
  if (k + 1 >= items.size() || !(items[k].IsWord("pour") || items[k].IsWord("for"))) {
    return nullptr;
  }
  std::size_t j = k + 1;
  while (j < items.size() && j < k + 5 && items[j].type == Item::Type::kWord) ++j;
  return j < items.size() && IsValue(items[j], Value::Kind::kMoney) ? &items[j].value : nullptr;
}

}  // namespace

SentenceValues::SentenceValues(const std::vector<Item>& items)
    : money_for_(items.size() + 1, nullptr),
      year_(items.size() + 1, nullptr),
      place_(items.size() + 1, false) {
  for (std::size_t k = items.size(); k-- > 0;) {
    const Item& it = items[k];
    const Value* money = MoneyFor(items, k);
    money_for_[k] = money != nullptr ? money : money_for_[k + 1];
    year_[k] = IsValue(it, Value::Kind::kYear) ? &it.value : year_[k + 1];
    place_[k] = (it.IsEntity() && it.kind == graph::NodeKind::kPlace) || place_[k + 1];
  }
  for (std::size_t k = 0; k < items.size(); ++k) {
    const Item& it = items[k];
    if (IsValue(it, Value::Kind::kYear)) {
      last_year_ = &it.value;
      const Item* before = k > 0 ? &items[k - 1] : nullptr;
      if (horizon_year_ == nullptr && before != nullptr &&
          (before->IsWord("ici") || before->IsWord("by") || before->IsWord("horizon") ||
           before->IsWord("fin") || before->IsWord("d'ici"))) {
        horizon_year_ = &it.value;
      }
    }
    if (job_count_ == nullptr && IsValue(it, Value::Kind::kCount) && k + 1 < items.size()) {
      std::size_t j = k + 1;
      if (items[j].IsWord("new") || items[j].IsWord("nouveaux")) ++j;
      if (j < items.size() &&
          (items[j].IsWord("emplois") || items[j].IsWord("jobs") || items[j].IsWord("postes"))) {
        job_count_ = &it.value;
      }
    }
  }
}

const Value* SentenceValues::MoneyForFrom(std::size_t from) const {
  return money_for_[std::min(from, money_for_.size() - 1)];
}

const Value* SentenceValues::YearFrom(std::size_t from) const {
  return year_[std::min(from, year_.size() - 1)];
}

bool SentenceValues::PlaceFrom(std::size_t from) const {
  return place_[std::min(from, place_.size() - 1)];
}

}  // namespace presskg::ingest
