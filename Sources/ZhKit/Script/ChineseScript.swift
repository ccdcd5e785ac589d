/// The two standard ways of writing Chinese characters.
///
/// Segmenting and entities read both: a Traditional character is looked up as its Simplified
/// form (萬 as 万, 國 as 国), while tokens and offsets stay those of the raw text. `ScriptConverter`
/// turns a text from one into the other.
public enum ChineseScript: String, Sendable, Hashable, CaseIterable {
    /// Simplified characters (简体), as written in mainland China and Singapore; BCP 47 `Hans`.
    case simplified = "hans"
    /// Traditional characters (繁體), as written in Taiwan, Hong Kong and Macau; BCP 47 `Hant`.
    case traditional = "hant"
}
