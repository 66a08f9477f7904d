/// A check of an email address typed by a person (a contact email): enough to catch a slip
/// before Telnyx does, not a full RFC 5322 parse.
public enum EmailAddress {
    /// `name@host.tld`: one `@`, a non-empty name, a host with a dot not at either end, no spaces.
    public static func looksValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && !text.contains(" ")
    }
}
