internal import CICU

/// The version of the ICU library linked at run time, such as `72.1`.
public var icuVersion: String {
    var version = [UInt8](repeating: 0, count: 4)
    zk_u_getVersion(&version)
    var parts = [String(version[0]), String(version[1])]
    if version[2] != 0 || version[3] != 0 { parts.append(String(version[2])) }
    return parts.joined(separator: ".")
}
