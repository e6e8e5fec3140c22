using System.Text.Json;
using Riposte.Analytics.Ingest.Reading;

namespace Riposte.Analytics.Ingest.Formats;

/// <summary>A record cannot be mapped (a required field is missing or unreadable); the message says which field.</summary>
internal sealed class RecordException(string message) : Exception(message)
{
    /// <summary>The reason to report for a record that failed: our own message, or the unexpected value's.</summary>
    public static string Describe(Exception e) => e is RecordException ? e.Message : $"unexpected value: {e.Message}";
}

internal static class Require
{
    public static string Str(JsonElement element, string name, string? context = null) =>
        element.NonEmpty(name) ?? throw new RecordException($"missing field '{(context is null ? name : context + "." + name)}'");

    public static T Value<T>(T? value, string what) where T : struct =>
        value ?? throw new RecordException($"missing or unreadable {what}");

    public static string Value(string? value, string what) =>
        string.IsNullOrEmpty(value) ? throw new RecordException($"missing {what}") : value;
}
