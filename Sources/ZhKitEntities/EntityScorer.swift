/// Exact-span precision, recall and F1 of predicted entities against gold ones, per label and per
/// group.
///
/// A predicted entity is correct when a gold entity of the same document has the same start,
/// end and label (for a label's score) or the same group (for a group's score: ORG; PER =
/// PERSON and the gold label PER; LOC = GPE and LOC; DATE = DATE and TIME; NUMBER = PERCENT,
/// MONEY, QUANTITY, ORDINAL, CARDINAL, and the gold label NUMBER).
public struct EntityScore: Sendable, Hashable {
    public var gold = 0
    public var predicted = 0
    public var correct = 0

    public init() {}

    public var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
    public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
    public var f1: Double {
        let (p, r) = (precision, recall)
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }
}

/// One document's entities as spans with a label name, as gold files and predictions hold them.
public struct LabelledSpan: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var label: String

    public init(start: Int, end: Int, label: String) {
        self.start = start
        self.end = end
        self.label = label
    }
}

public struct EntityScorer: Sendable {
    /// Scores by label name (gold and predicted labels as written).
    public private(set) var byLabel: [String: EntityScore] = [:]
    /// Scores by group.
    public private(set) var byGroup: [EntityGroup: EntityScore] = [:]
    /// All groups together.
    public private(set) var overall = EntityScore()

    public init() {}

    /// Adds one document. O(n log n).
    public mutating func add(gold: [LabelledSpan], predicted: [LabelledSpan]) {
        let goldSet = Set(gold)
        for span in gold { byLabel[span.label, default: EntityScore()].gold += 1 }
        for span in predicted {
            byLabel[span.label, default: EntityScore()].predicted += 1
            if goldSet.contains(span) { byLabel[span.label, default: EntityScore()].correct += 1 }
        }
        // Groups: spans of labels outside the five groups are left out.
        func grouped(_ spans: [LabelledSpan]) -> [GroupedSpan] {
            spans.compactMap { span in EntityGroup(goldLabel: span.label).map { GroupedSpan(start: span.start, end: span.end, group: $0) } }
        }
        let goldGroups = grouped(gold)
        let predictedGroups = grouped(predicted)
        let goldGroupSet = Set(goldGroups)
        for span in goldGroups {
            byGroup[span.group, default: EntityScore()].gold += 1
            overall.gold += 1
        }
        for span in predictedGroups {
            byGroup[span.group, default: EntityScore()].predicted += 1
            overall.predicted += 1
            if goldGroupSet.contains(span) {
                byGroup[span.group, default: EntityScore()].correct += 1
                overall.correct += 1
            }
        }
    }

    private struct GroupedSpan: Hashable {
        var start: Int
        var end: Int
        var group: EntityGroup
    }
}
