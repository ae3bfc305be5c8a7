#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace presskg::ingest {

// A hash table from strings to V, open addressing with linear probing over one flat array of
// power-of-two size, searched with a string_view. Meant for word tables built once and then
// read in hot loops: a lookup costs one hash and usually one cache line, where
// std::unordered_map chases a bucket, a node and the key. Entries are never removed.
// Thread safety: const methods may run concurrently; Insert needs exclusive access.
template <typename V>
class FlatStringMap {
 public:
  // The value stored for `key`, inserted as `value` when `key` is new.
  V& Insert(std::string_view key, V value = V{}) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    const std::uint64_t hash = Hash(key);
    Slot* slot = &slots_[Probe(slots_, key, hash)];
    if (!slot->used) {
      slot->used = true;
      slot->hash = hash;
      slot->key = std::string(key);
      slot->value = std::move(value);
      ++size_;
    }
    return slot->value;
  }

  // The value of `key`, or nullptr when absent.
  const V* Find(std::string_view key) const {
    if (size_ == 0) return nullptr;
    const Slot& slot = slots_[Probe(slots_, key, Hash(key))];
    return slot.used ? &slot.value : nullptr;
  }

  bool Contains(std::string_view key) const { return Find(key) != nullptr; }
  std::size_t size() const { return size_; }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    bool used = false;
    std::string key;
    V value{};
  };

  // FNV-1a, then a multiply-xorshift so that the low bits depend on every byte.
  static std::uint64_t Hash(std::string_view key) {
    std::uint64_t h = 14695981039346656037ULL;
    for (const char c : key) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ULL;
    }
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ULL;
    return h ^ (h >> 32);
  }

  // The index of the slot holding `key`, or of the free slot where it would go (`slots` is
  // never full).
  static std::size_t Probe(const std::vector<Slot>& slots, std::string_view key,
                           std::uint64_t hash) {
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots[i];
      if (!slot.used || (slot.hash == hash && slot.key == key)) return i;
    }
  }

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_ = std::vector<Slot>(old.empty() ? 16 : 2 * old.size());
    for (Slot& s : old) {
      if (!s.used) continue;
      slots_[Probe(slots_, s.key, s.hash)] = std::move(s);
    }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace presskg::ingest
