namespace Riposte.Incidents.Model;

/// <summary>
/// STIX 2.1 confidence (0–100) in words, by the mappings of the specification's appendix A
/// (confidence scales): Words of Estimative Probability and the Admiralty credibility scale.
/// </summary>
public static class EstimativeLanguage
{
    /// <summary>The WEP phrase for a STIX confidence value (A.4).</summary>
    public static string Wep(int confidence) => Check(confidence) switch
    {
        0 => "Impossible",
        < 20 => "Highly Unlikely/Almost Certainly Not",
        < 40 => "Unlikely/Probably Not",
        < 60 => "Even Chance",
        < 80 => "Likely/Probable",
        < 100 => "Highly Likely/Almost Certain",
        _ => "Certain",
    };

    /// <summary>The Admiralty credibility rating (1–5) and its words for a STIX confidence value (A.3).</summary>
    public static string Admiralty(int confidence) => Check(confidence) switch
    {
        < 20 => "5 - Improbable",
        < 40 => "4 - Doubtful",
        < 60 => "3 - Possibly True",
        < 80 => "2 - Probably True",
        _ => "1 - Confirmed by other sources",
    };

    /// <summary>Both, as an analyst reads them: "Likely/Probable (70; Admiralty 2 - Probably True)".</summary>
    public static string Describe(int confidence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Wep(confidence)} ({confidence}; Admiralty {Admiralty(confidence)})");

    /// <summary>The STIX value the appendix gives for a WEP phrase (case-insensitive), e.g. "likely" → 70.</summary>
    public static int? FromWep(string phrase)
    {
        var p = phrase.Trim().ToLowerInvariant();
        return p switch
        {
            "impossible" => 0,
            "highly unlikely" or "almost certainly not" => 10,
            "unlikely" or "probably not" => 30,
            "even chance" => 50,
            "likely" or "probable" => 70,
            "highly likely" or "almost certain" => 90,
            "certain" => 100,
            _ => null,
        };
    }

    private static int Check(int confidence) => confidence is >= 0 and <= 100
        ? confidence
        : throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "STIX confidence is 0-100");
}
