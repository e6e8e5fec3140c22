namespace Riposte.Incidents.Model;

/// <summary>What makes behaviour FIMI rather than legitimate speech; each is judged with a rationale members can debate.</summary>
public enum FimiCriterion
{
    Manipulative,
    Intentional,
    Coordinated,
    ForeignStateLinked,
    ThreatensDemocracy,
}

/// <summary>One criterion as judged: met or not, and why.</summary>
public sealed record CriterionJudgement(bool Met, string Rationale, string? JudgedBy = null);

public static class FimiCriteria
{
    public static string Name(FimiCriterion criterion) => criterion switch
    {
        FimiCriterion.Manipulative => "manipulative",
        FimiCriterion.Intentional => "intentional",
        FimiCriterion.Coordinated => "coordinated",
        FimiCriterion.ForeignStateLinked => "foreign-state-linked",
        FimiCriterion.ThreatensDemocracy => "threatens-democracy",
        _ => throw new ArgumentOutOfRangeException(nameof(criterion), criterion, "unknown criterion"),
    };

    public static string Meaning(FimiCriterion criterion) => criterion switch
    {
        FimiCriterion.Manipulative => "manipulative in character (deceptive techniques, inauthentic behaviour)",
        FimiCriterion.Intentional => "conducted intentionally",
        FimiCriterion.Coordinated => "coordinated",
        FimiCriterion.ForeignStateLinked => "linked to a foreign state or its proxies",
        FimiCriterion.ThreatensDemocracy => "threatens or may negatively affect democratic values, procedures or processes",
        _ => throw new ArgumentOutOfRangeException(nameof(criterion), criterion, "unknown criterion"),
    };

    public static bool TryParse(string? text, out FimiCriterion criterion)
    {
        foreach (var c in Enum.GetValues<FimiCriterion>())
        {
            if (string.Equals(Name(c), text, StringComparison.Ordinal))
            {
                criterion = c;
                return true;
            }
        }
        criterion = default;
        return false;
    }

    public static string AllNames => string.Join(", ", Enum.GetValues<FimiCriterion>().Select(Name));
}
