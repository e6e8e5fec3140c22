namespace Riposte.Access.Markings;

/// <summary>TLP 2.0 levels, least restrictive first, so a larger value is more restrictive.</summary>
public enum Tlp
{
    Clear = 0,
    Green = 1,
    Amber = 2,
    AmberStrict = 3,
    Red = 4,
}
