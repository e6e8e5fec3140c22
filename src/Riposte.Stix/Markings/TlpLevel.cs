namespace Riposte.Stix.Markings;

/// <summary>Traffic Light Protocol 2.0 levels, least to most restrictive (so levels compare by restriction).</summary>
public enum TlpLevel
{
    Clear,
    Green,
    Amber,
    AmberStrict,
    Red,
}
