/// US states, the District of Columbia and the territories by name, as people write them in an
/// address (`Illinois`, `new york`, `District of Columbia`), to their USPS two-letter codes.
public enum USStateName {
    static let codes: [String: String] = [
        "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA", "colorado": "CO",
        "connecticut": "CT", "delaware": "DE", "florida": "FL", "georgia": "GA", "hawaii": "HI", "idaho": "ID",
        "illinois": "IL", "indiana": "IN", "iowa": "IA", "kansas": "KS", "kentucky": "KY", "louisiana": "LA",
        "maine": "ME", "maryland": "MD", "massachusetts": "MA", "michigan": "MI", "minnesota": "MN", "mississippi": "MS",
        "missouri": "MO", "montana": "MT", "nebraska": "NE", "nevada": "NV", "new hampshire": "NH", "new jersey": "NJ",
        "new mexico": "NM", "new york": "NY", "north carolina": "NC", "north dakota": "ND", "ohio": "OH", "oklahoma": "OK",
        "oregon": "OR", "pennsylvania": "PA", "rhode island": "RI", "south carolina": "SC", "south dakota": "SD",
        "tennessee": "TN", "texas": "TX", "utah": "UT", "vermont": "VT", "virginia": "VA", "washington": "WA",
        "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY", "district of columbia": "DC", "washington dc": "DC",
        "puerto rico": "PR", "guam": "GU", "virgin islands": "VI", "us virgin islands": "VI", "united states virgin islands": "VI",
        "american samoa": "AS", "northern mariana islands": "MP",
    ]

    /// The two-letter code of a state written by name; case, periods and extra spaces ignored
    /// (`Washington, D.C.` → DC). Nil for a name that is not a US state or territory.
    public static func code(for name: String) -> String? {
        let key = name.lowercased().filter { !".,".contains($0) }.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return codes[key]
    }
}
