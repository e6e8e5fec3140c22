using Riposte.Stix.Markings;

namespace Riposte.Access.Markings;

/// <summary>
/// The official TLP marking-definition ids, kept here because code written against the access layer
/// uses them; they are the same constants as <see cref="TlpMarkings"/> in Riposte.Stix (prefer those).
/// </summary>
public static class TlpMarkingIds
{
    public const string Clear = TlpMarkings.ClearId;
    public const string Green = TlpMarkings.GreenId;
    public const string Amber = TlpMarkings.AmberId;
    public const string AmberStrict = TlpMarkings.AmberStrictId;
    public const string Red = TlpMarkings.RedId;

    public const string V1White = TlpMarkings.Tlp1WhiteId;
    public const string V1Green = TlpMarkings.Tlp1GreenId;
    public const string V1Amber = TlpMarkings.Tlp1AmberId;
    public const string V1Red = TlpMarkings.Tlp1RedId;
}
