using Riposte.Access;
using Riposte.Incidents.Model;
using Riposte.Stix;
using Riposte.Storage;

namespace Riposte.Incidents.Services;

/// <summary>What an analyst writes about a narrative or a channel; null on update means "leave as is".</summary>
public sealed record NarrativeInput
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string>? Aliases { get; init; }
    public IReadOnlyList<string>? Languages { get; init; }
    public string? FirstSeen { get; init; }
    public string? Tlp { get; init; }
}

public sealed record ChannelInput
{
    public string? Name { get; init; }
    public string? Description { get; init; }

    /// <summary>The platform, lower-case (e.g. telegram, x, facebook, tiktok, website).</summary>
    public string? Platform { get; init; }
    public string? Url { get; init; }
    public string? Handle { get; init; }
    public IReadOnlyList<string>? Languages { get; init; }
    public string? Tlp { get; init; }
}

/// <summary>
/// Narratives and channels: custom STIX objects (<c>x-riposte-narrative</c>, <c>x-riposte-channel</c>)
/// declared as new SDOs, linked to incidents, actors and each other by relationships.
/// </summary>
public sealed class NarrativeService(ObjectWorkspace workspace)
{
    public StixObject CreateNarrative(Principal principal, NarrativeInput input) =>
        Create(principal, RiposteExtensions.NarrativeType, RiposteExtensions.NarrativeId, input.Tlp, (errors, b) => ApplyNarrative(errors, b, input, creating: true));

    public StixObject UpdateNarrative(Principal principal, string id, string? expectedVersion, NarrativeInput input) =>
        Update(principal, id, RiposteExtensions.NarrativeType, expectedVersion, input.Tlp, (errors, b) => ApplyNarrative(errors, b, input, creating: false));

    public StixObject CreateChannel(Principal principal, ChannelInput input) =>
        Create(principal, RiposteExtensions.ChannelType, RiposteExtensions.ChannelId, input.Tlp, (errors, b) => ApplyChannel(errors, b, input, creating: true));

    public StixObject UpdateChannel(Principal principal, string id, string? expectedVersion, ChannelInput input) =>
        Update(principal, id, RiposteExtensions.ChannelType, expectedVersion, input.Tlp, (errors, b) => ApplyChannel(errors, b, input, creating: false));

    public StixObject Get(Principal principal, string id, string type) => workspace.Get(principal, id, type);

    public IReadOnlyList<StixObject> List(Principal principal, string type, string? text, int limit = 100) =>
        string.IsNullOrWhiteSpace(text)
            ? workspace.List(principal, new StixQuery { Types = [type] }, limit: Math.Clamp(limit, 1, 1000))
            : workspace.Search(principal, text, [type], Math.Clamp(limit, 1, 1000));

    public IReadOnlyList<EditRecord> History(Principal principal, string id, string type) => workspace.History(principal, id, type);

    private StixObject Create(Principal principal, string type, string extensionId, string? tlp, Action<InputErrors, StixObjectBuilder> apply)
    {
        workspace.RequireWriter(principal, $"create {type} objects");
        var errors = new InputErrors();
        var marking = InputRules.Tlp(errors, "tlp", tlp ?? "amber");
        var builder = StixObjectBuilder.Create(type, workspace.Clock);
        apply(errors, builder);
        errors.ThrowIfAny();
        builder.Set("object_marking_refs", new[] { marking! });
        // A new SDO names its extension-definition in extensions, as STIX 2.1 section 7.3 requires.
        builder.Extension(extensionId, RiposteExtensions.NewSdo);
        return workspace.Create(principal, builder, "created");
    }

    private StixObject Update(Principal principal, string id, string type, string? expectedVersion, string? tlp, Action<InputErrors, StixObjectBuilder> apply)
    {
        workspace.Get(principal, id, type);
        var errors = new InputErrors();
        var marking = InputRules.Tlp(errors, "tlp", tlp);
        var probe = StixObjectBuilder.Create(type, workspace.Clock);
        apply(errors, probe);
        errors.ThrowIfAny();
        return workspace.Update(principal, id, type, expectedVersion, "updated", (_, b) =>
        {
            apply(new InputErrors(), b);
            if (marking is not null)
                b.Set("object_marking_refs", new[] { marking });
        });
    }

    private static void ApplyNarrative(InputErrors errors, StixObjectBuilder b, NarrativeInput input, bool creating)
    {
        if (creating || input.Name is not null)
            b.Set("name", InputRules.Name(errors, "name", input.Name, required: true));
        if (input.Description is not null)
            b.Set("description", InputRules.Text(errors, "description", input.Description));
        if (input.Aliases is { } aliases)
            SetList(b, "aliases", InputRules.Strings(errors, "aliases", aliases));
        if (input.Languages is { } languages)
            SetList(b, "languages", InputRules.Languages(errors, "languages", languages));
        if (input.FirstSeen is not null)
            b.Set("first_seen", InputRules.Timestamp(errors, "firstSeen", input.FirstSeen));
    }

    private static void ApplyChannel(InputErrors errors, StixObjectBuilder b, ChannelInput input, bool creating)
    {
        if (creating || input.Name is not null)
            b.Set("name", InputRules.Name(errors, "name", input.Name, required: true));
        if (input.Description is not null)
            b.Set("description", InputRules.Text(errors, "description", input.Description));
        if (creating || input.Platform is not null)
        {
            var platform = InputRules.Words(errors, "platform", input.Platform is null ? [] : [input.Platform]);
            if (input.Platform is null)
                errors.Add("platform", "is required (e.g. telegram, x, facebook, tiktok, website)");
            b.Set("platform", platform.FirstOrDefault());
        }
        if (input.Url is not null)
        {
            if (!Uri.TryCreate(input.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                errors.Add("url", $"'{input.Url}' is not an absolute http(s) URL");
            b.Set("url", input.Url);
        }
        if (input.Handle is not null)
            b.Set("handle", InputRules.Name(errors, "handle", input.Handle, required: true));
        if (input.Languages is { } languages)
            SetList(b, "languages", InputRules.Languages(errors, "languages", languages));
    }

    private static void SetList(StixObjectBuilder b, string property, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
            b.Remove(property);
        else
            b.Set(property, values);
    }
}
