using Riposte.Stix;

namespace Riposte.Taxii.Posting;

/// <summary>One element of a POSTed envelope's <c>objects</c>: the object as received, or why it is not one.</summary>
/// <param name="Object">The object, its bytes kept as sent (without insignificant whitespace); null when <paramref name="Problem"/> is set.</param>
/// <param name="Problem">Why the element is not a STIX object (not a JSON object, invalid UTF-8); null for an object.</param>
public sealed record EnvelopeEntry(StixObject? Object, string? Problem);
