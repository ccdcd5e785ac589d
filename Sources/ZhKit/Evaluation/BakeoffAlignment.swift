/// Aligns the gold and test words of one line the way the bakeoff's `score` script does.
///
/// The script writes each line's words one per line to two files and runs GNU `diff -y` on them;
/// a gold word counts as found when diff reports it unchanged. GNU diff is not always minimal.
/// It first takes off the identical leading and trailing lines; then, in what is left, it sets
/// aside "confusing" lines: words absent from the other side (which can never match anyway) and,
/// in runs of those, very frequent words (which could). To reproduce the published figures, this
/// follows the same documented behaviour: a word is provisionally discardable when it occurs more
/// than `many` times on the other side (5, doubled for every factor of four past 64 words);
/// provisional words are set aside only inside runs of discardable words that start and end with
/// an absent word, where at most a quarter are provisional, not in long consecutive stretches of
/// them, and not near the ends of the run. The rest is a longest common subsequence, which is
/// what diff's search finds on lines this short. On the SIGHAN 2005 PKU and MSR test sets this
/// agrees with `diff -y` on every line of raw ICU output.
enum BakeoffAlignment {
    /// Which of `gold`'s words are aligned with an identical test word. O(g × t).
    static func alignedGoldWords(_ gold: [Substring], _ test: [Substring]) -> [Bool] {
        var matched = [Bool](repeating: false, count: gold.count)
        var head = 0
        while head < gold.count, head < test.count, gold[head] == test[head] {
            matched[head] = true
            head += 1
        }
        var goldEnd = gold.count
        var testEnd = test.count
        while goldEnd > head, testEnd > head, gold[goldEnd - 1] == test[testEnd - 1] {
            goldEnd -= 1
            testEnd -= 1
            matched[goldEnd] = true
        }
        let middle = alignedMiddle(Array(gold[head..<goldEnd]), Array(test[head..<testEnd]))
        for (offset, isMatched) in middle.enumerated() where isMatched {
            matched[head + offset] = true
        }
        return matched
    }

    /// Aligns what is left once identical leading and trailing words are taken off.
    private static func alignedMiddle(_ gold: [Substring], _ test: [Substring]) -> [Bool] {
        // Number the distinct words so that comparisons are integer compares.
        var ids: [Substring: Int] = [:]
        func id(of word: Substring) -> Int {
            if let id = ids[word] { return id }
            ids[word] = ids.count
            return ids.count - 1
        }
        let goldIDs = gold.map(id(of:))
        let testIDs = test.map(id(of:))
        var goldCounts = [Int](repeating: 0, count: ids.count)
        var testCounts = [Int](repeating: 0, count: ids.count)
        for id in goldIDs { goldCounts[id] += 1 }
        for id in testIDs { testCounts[id] += 1 }

        let goldKept = keptPositions(goldIDs, otherCounts: testCounts)
        let testKept = keptPositions(testIDs, otherCounts: goldCounts)
        let matchedKept = longestCommonSubsequence(goldKept.map { goldIDs[$0] }, testKept.map { testIDs[$0] })
        var matched = [Bool](repeating: false, count: gold.count)
        for (index, isMatched) in matchedKept.enumerated() where isMatched {
            matched[goldKept[index]] = true
        }
        return matched
    }

    private enum Discard: UInt8 {
        case keep, discard, provisional
    }

    /// The positions of `ids` that diff keeps for its comparison, in order.
    private static func keptPositions(_ ids: [Int], otherCounts: [Int]) -> [Int] {
        let end = ids.count
        var many = 5
        var quarter = end / 64
        while true {
            quarter >>= 2
            if quarter <= 0 { break }
            many *= 2
        }
        var marks = ids.map { id -> Discard in
            let matches = otherCounts[id]
            return matches == 0 ? .discard : (matches > many ? .provisional : .keep)
        }

        var i = 0
        while i < end {
            defer { i += 1 }
            if marks[i] == .provisional {
                // A provisional word outside a run of discards stays.
                marks[i] = .keep
                continue
            }
            guard marks[i] == .discard else { continue }
            // A run of discardable words starts here; find its end.
            var j = i
            var provisional = 0
            while j < end, marks[j] != .keep {
                if marks[j] == .provisional { provisional += 1 }
                j += 1
            }
            // Provisional words at the end of the run stay; the run shrinks.
            while j > i, marks[j - 1] == .provisional {
                j -= 1
                marks[j] = .keep
                provisional -= 1
            }
            let length = j - i
            if provisional * 4 > length {
                // Too many provisional words: keep them all.
                for k in i..<j where marks[k] == .provisional { marks[k] = .keep }
            } else {
                // Long stretches of provisional words stay (minimum ≈ √(length / 4) + 1).
                var minimum = 1
                var scaled = length >> 2
                while true {
                    scaled >>= 2
                    if scaled <= 0 { break }
                    minimum <<= 1
                }
                minimum += 1
                var k = 0
                var consecutive = 0
                while k < length {
                    if marks[i + k] != .provisional {
                        consecutive = 0
                    } else {
                        consecutive += 1
                        if consecutive == minimum {
                            k -= consecutive  // back to the stretch's start, to keep it all
                        } else if consecutive > minimum {
                            marks[i + k] = .keep
                        }
                    }
                    k += 1
                }
                // From each end of the run, provisional words stay until three discards in a row,
                // or a discard at least eight words in.
                keepProvisionalNearEdge(&marks, positions: (0..<length).map { i + $0 })
                keepProvisionalNearEdge(&marks, positions: (0..<length).map { i + length - 1 - $0 })
            }
            i += length - 1
        }
        return marks.indices.filter { marks[$0] != .discard && marks[$0] != .provisional }
    }

    private static func keepProvisionalNearEdge(_ marks: inout [Discard], positions: [Int]) {
        var consecutive = 0
        for (step, position) in positions.enumerated() {
            if step >= 8, marks[position] == .discard { break }
            switch marks[position] {
            case .provisional:
                consecutive = 0
                marks[position] = .keep
            case .keep:
                consecutive = 0
            case .discard:
                consecutive += 1
            }
            if consecutive == 3 { break }
        }
    }

    /// Which elements of `a` a longest common subsequence with `b` keeps. O(|a| × |b|).
    static func longestCommonSubsequence(_ a: [Int], _ b: [Int]) -> [Bool] {
        var matched = [Bool](repeating: false, count: a.count)
        let n = a.count
        let m = b.count
        guard n > 0, m > 0 else { return matched }
        // lengths[i * (m + 1) + j]: LCS length of a[i...] and b[j...].
        var lengths = [Int32](repeating: 0, count: (n + 1) * (m + 1))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i * (m + 1) + j] = a[i] == b[j]
                    ? lengths[(i + 1) * (m + 1) + j + 1] + 1
                    : max(lengths[(i + 1) * (m + 1) + j], lengths[i * (m + 1) + j + 1])
            }
        }
        var i = 0
        var j = 0
        while i < n, j < m {
            if a[i] == b[j] {
                matched[i] = true
                i += 1
                j += 1
            } else if lengths[(i + 1) * (m + 1) + j] >= lengths[i * (m + 1) + j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return matched
    }
}
