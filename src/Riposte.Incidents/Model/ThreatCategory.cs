namespace Riposte.Incidents.Model;

/// <summary>The three threats the mechanism names.</summary>
public enum ThreatCategory
{
    /// <summary>Information manipulation and disinformation.</summary>
    InformationManipulation,

    /// <summary>Election interference.</summary>
    ElectionInterference,

    /// <summary>Interference with fundamental freedoms and human rights.</summary>
    FundamentalFreedoms,
}

public static class ThreatCategories
{
    /// <summary>Subcategories analysts use most; others are accepted when written as lower-case-words.</summary>
    public static readonly IReadOnlyList<string> SuggestedSubcategories =
    [
        "disinformation", "impersonation", "hack-and-leak", "astroturfing",
        "voter-suppression", "candidate-targeting", "sub-national-interference",
        "transnational-repression", "harassment-of-journalists", "diaspora-intimidation",
    ];

    public static string Name(ThreatCategory category) => category switch
    {
        ThreatCategory.InformationManipulation => "information-manipulation",
        ThreatCategory.ElectionInterference => "election-interference",
        ThreatCategory.FundamentalFreedoms => "fundamental-freedoms",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "unknown category"),
    };

    public static bool TryParse(string? text, out ThreatCategory category)
    {
        foreach (var c in Enum.GetValues<ThreatCategory>())
        {
            if (string.Equals(Name(c), text, StringComparison.Ordinal))
            {
                category = c;
                return true;
            }
        }
        category = default;
        return false;
    }

    public static string AllNames => string.Join(", ", Enum.GetValues<ThreatCategory>().Select(Name));
}
