internal import CZhKitICU

/// The version of the ICU library linked at run time, such as `72.1`.
public var icuVersion: String {
    var version: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
    withUnsafeMutableBytes(of: &version) { zk_icu_version($0.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
    var parts = [String(version.0), String(version.1)]
    if version.2 != 0 || version.3 != 0 { parts.append(String(version.2)) }
    return parts.joined(separator: ".")
}
