using Microsoft.Extensions.Options;
using Riposte.Access;
using Riposte.Access.Markings;
using Riposte.Stix;
using Riposte.Stix.Markings;

namespace Riposte.Web.Ui.Views;

/// <summary>The TLP level a banner shows: the one the gate applies, and whether the object says it or the node's default does.</summary>
public sealed record ShownMarking(TlpLevel Level, bool Explicit)
{
    public string Label => "TLP:" + TlpMarkings.Tlp2Value(Level).ToUpperInvariant();

    /// <summary>The CSS class carrying the TLP 2.0 colours (e.g. <c>tlp-amber-strict</c>).</summary>
    public string CssClass => "tlp-" + TlpMarkings.Tlp2Value(Level).Replace('+', '-');
}

/// <summary>Reads the marking of an object the way the gate does (MarkingSummary), for banners.</summary>
public sealed class MarkingView(IOptions<AccessOptions> options)
{
    public ShownMarking Of(StixObject obj)
    {
        var summary = MarkingSummary.Of(obj, options.Value);
        return new ShownMarking(summary.Level, MarkingSummary.MostRestrictive(obj.Json["object_marking_refs"] as System.Text.Json.Nodes.JsonArray) is not null);
    }

    /// <summary>The object's own TLP 2.0 value (clear … red) for a form's marking choice; null when it has none.</summary>
    public static string? TlpValueOf(StixObject obj) =>
        TlpMarkings.MostRestrictive(obj.ObjectMarkingRefs) is { } level ? TlpMarkings.Tlp2Value(level) : null;

    public static ShownMarking OfLevel(string? tlp2Value) =>
        TlpMarkings.FromTlp2Value(tlp2Value) is { } level ? new ShownMarking(level, true) : new ShownMarking(TlpLevel.Amber, false);
}
