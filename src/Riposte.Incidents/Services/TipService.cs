using System.Text;
using System.Text.Json.Nodes;
using Riposte.Access;
using Riposte.Access.Directory;
using Riposte.Access.Markings;
using Riposte.Incidents.Model;
using Riposte.Stix;
using Riposte.Stix.Markings;
using Riposte.Storage;
using Riposte.Storage.Access;

namespace Riposte.Incidents.Services;

/// <summary>A tip as submitted: text, links, files (base64) and/or a STIX bundle (JSON text).</summary>
public sealed record TipInput
{
    public string? Text { get; init; }
    public IReadOnlyList<string>? Links { get; init; }
    public IReadOnlyList<TipFile>? Files { get; init; }
    public string? Bundle { get; init; }
}

public sealed record TipFile(string Name, string ContentBase64, string? MediaType = null);

/// <summary>
/// Intake from outreach partners. A tip (<c>x-riposte-tip</c>) and its files (<c>artifact</c>s with
/// SHA-256) are TLP:AMBER+STRICT objects of the node that name the submitting user as their only
/// recipient, so the gate shows them to the node's analysts and to the submitter, and to nobody else.
/// </summary>
public sealed class TipService(ObjectWorkspace workspace, AccessDirectory directory, IncidentService incidents)
{
    public const string Type = RiposteExtensions.TipType;
    public const int MaxFileBytes = 10 * 1024 * 1024;
    public static readonly IReadOnlyList<string> Statuses = ["submitted", "accepted", "dismissed"];
    private const string BundleMediaType = "application/stix+json;version=2.1";
    private const int MaxEvidenceFromBundle = 200;
    private const int MaxImportedListed = 1000;

    public StixObject Submit(Principal principal, TipInput input)
    {
        RequireSubmitter(principal);
        var errors = new InputErrors();
        var text = InputRules.Text(errors, "text", input.Text);
        var links = new List<string>();
        var inputLinks = input.Links ?? [];
        for (var i = 0; i < inputLinks.Count; i++)
        {
            if (!Uri.TryCreate(inputLinks[i], UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                errors.Add($"links[{i}]", $"'{inputLinks[i]}' is not an absolute http(s) URL");
            else
                links.Add(uri.ToString());
        }
        var artifacts = new List<StixObject>();
        var files = input.Files ?? [];
        for (var i = 0; i < files.Count; i++)
        {
            if (ArtifactOf(errors, $"files[{i}]", files[i]?.ContentBase64, files[i]?.MediaType, files[i]?.Name, principal) is { } artifact)
                artifacts.Add(artifact);
        }
        TipBundle? bundle = null;
        if (!string.IsNullOrWhiteSpace(input.Bundle))
        {
            bundle = TipBundle.Read(input.Bundle, errors, "bundle");
            if (bundle is { Objects.Count: 0, Failures.Count: > 0 })
            {
                // Nothing in it is usable: say what is wrong with each object rather than keep an empty bundle.
                foreach (var failure in bundle.Failures.Take(TipBundle.MaxReported))
                    errors.Add("bundle" + failure.Path.TrimStart('$'), failure.Reason);
            }
            var bytes = Encoding.UTF8.GetBytes(input.Bundle);
            if (ArtifactOf(errors, "bundle", Convert.ToBase64String(bytes), BundleMediaType, "bundle.json", principal) is { } artifact)
                artifacts.Add(artifact);
        }
        if (text is null && links.Count == 0 && artifacts.Count == 0)
            errors.Add("text", "a tip needs text, links, files or a STIX bundle");
        errors.ThrowIfAny();

        if (artifacts.Count > 0)
            workspace.Store.Put(artifacts);
        var builder = StixObjectBuilder.Create(Type, workspace.Clock)
            .Set("name", Summary(text, links))
            .Set("description", text)
            .Set("status", "submitted")
            .Set("submitted_by", principal.UserId)
            .Set("object_marking_refs", new[] { TlpMarkings.AmberStrictId });
        if (!principal.IsSystem)
            builder.Set("submitted_by_organization", principal.OrganizationId);
        if (links.Count > 0)
            builder.Set("links", links);
        if (artifacts.Count > 0)
            builder.Set("artifact_refs", artifacts.Select(a => a.Id));
        if (bundle is not null)
        {
            builder.Set("bundle_object_count", bundle.Count);
            WriteFailures(builder, bundle.Failures);
        }
        builder.Extension(RiposteExtensions.TipId, RiposteExtensions.NewSdo);
        Recipients(builder, principal);
        return workspace.CreateUnchecked(principal, builder, "submitted", creatorIsNode: true);
    }

    /// <summary>The submitter's own tips; analysts see the whole queue (optionally by status).</summary>
    public IReadOnlyList<StixObject> List(Principal principal, string? status = null, int limit = 200)
    {
        if (status is not null && !Statuses.Contains(status))
            throw InputInvalidException.One("status", $"'{status}' is not one of {string.Join(", ", Statuses)}");
        var analyst = workspace.Gate.CanWriteCollection(principal, null);
        return workspace.List(principal, new StixQuery { Types = [Type] },
            t => (analyst || t.GetString("submitted_by") == principal.UserId) && (status is null || t.GetString("status") == status),
            Math.Clamp(limit, 1, 1000));
    }

    public StixObject Get(Principal principal, string id)
    {
        var tip = workspace.Get(principal, id, Type);
        if (!workspace.Gate.CanWriteCollection(principal, null) && tip.GetString("submitted_by") != principal.UserId)
            throw new ObjectNotFoundException(id, Type);
        return tip;
    }

    /// <summary>
    /// Accepts a tip into an incident: its files and links become the incident's evidence, with hashes, and the
    /// valid objects of its STIX bundle are imported (each listed as evidence); objects that cannot be imported
    /// are recorded on the tip with their JSON path and the reason.
    /// </summary>
    public StixObject Accept(Principal principal, string id, string incidentId, string? note = null)
    {
        var tip = Get(principal, id);
        RequireSubmitted(tip);
        var incident = incidents.Get(principal, incidentId);
        workspace.RequireWriter(principal, "accept tips");
        var evidence = IncidentService.DetailsOf(incident).Evidence
            .Select(e => new EvidenceInput(e.Kind, e.Ref, e.Sha256, e.Note)).ToList();
        BundleImport? imported = null;
        foreach (var artifactId in tip.GetStrings("artifact_refs"))
        {
            var artifact = workspace.TryGet(principal, artifactId);
            var sha = artifact?.Json["hashes"]?["SHA-256"]?.GetValue<string>();
            evidence.Add(new EvidenceInput("archive", artifactId, sha, $"from tip {tip.Id}"));
            if (artifact?.GetString("mime_type") == BundleMediaType && artifact.GetString("payload_bin") is { } payload)
                imported = ImportBundle(payload);
        }
        foreach (var importedId in (imported?.Imported ?? []).Take(MaxEvidenceFromBundle))
        {
            if (workspace.TryGet(principal, importedId) is { } obj && obj.Type != "relationship")
                evidence.Add(new EvidenceInput("stix", importedId, ObjectHashes.Of(obj), $"from the bundle of tip {tip.Id}"));
        }
        foreach (var link in tip.GetStrings("links"))
            evidence.Add(new EvidenceInput("link", link, null, $"from tip {tip.Id}"));
        incidents.Update(principal, incidentId, incident.Version?.Text, new IncidentInput { Evidence = evidence });
        workspace.Link(principal, tip.Id, "related-to", incidentId, "accepted into the incident", markings: [TlpMarkings.AmberStrictId]);
        return workspace.Update(principal, id, Type, tip.Version?.Text, "accepted", (_, b) =>
        {
            b.Set("status", "accepted");
            b.Set("reason", string.IsNullOrWhiteSpace(note) ? null : note.Trim());
            if (imported is not null)
            {
                b.Set("bundle_imported_count", imported.Imported.Count);
                if (imported.Imported.Count > 0)
                    b.Set("imported_object_refs", imported.Imported.Take(MaxImportedListed));
                WriteFailures(b, imported.Failures);
            }
        });
    }

    private BundleImport ImportBundle(string payloadBase64)
    {
        var errors = new InputErrors();
        var bundle = TipBundle.Read(Encoding.UTF8.GetString(Convert.FromBase64String(payloadBase64)), errors, "bundle");
        return bundle is null ? new BundleImport([], [new BundleObjectFailure("$", null, "the stored bundle is no longer readable")]) : bundle.ImportInto(workspace.Store);
    }

    private static void WriteFailures(StixObjectBuilder builder, IReadOnlyList<BundleObjectFailure> failures)
    {
        if (failures.Count == 0)
        {
            builder.Remove("bundle_failures");
            return;
        }
        builder.Set("bundle_failures", new JsonArray([.. failures.Take(TipBundle.MaxReported).Select(f =>
        {
            var entry = new JsonObject { ["path"] = f.Path, ["reason"] = f.Reason };
            if (f.Id is not null)
                entry["object_id"] = f.Id;
            return (JsonNode)entry;
        })]));
    }

    public StixObject Dismiss(Principal principal, string id, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw InputInvalidException.One("reason", "is required: the submitter sees why their tip was dismissed");
        var tip = Get(principal, id);
        RequireSubmitted(tip);
        return workspace.Update(principal, id, Type, tip.Version?.Text, "dismissed", (_, b) =>
        {
            b.Set("status", "dismissed");
            b.Set("reason", reason.Trim());
        });
    }

    private void RequireSubmitter(Principal principal)
    {
        if (principal.IsSystem || workspace.Gate.CanWriteCollection(principal, null))
            return;
        var org = directory.Current.Organization(principal.OrganizationId);
        if (org is null || principal.Role == Role.Reader || org.Tier != TrustTier.Outreach)
            throw new ForbiddenException("tips are submitted by users of outreach organisations (civil society, academia, industry) and by the node's analysts");
    }

    private static void RequireSubmitted(StixObject tip)
    {
        if (tip.GetString("status") != "submitted")
            throw InputInvalidException.One("status", $"this tip is already {tip.GetString("status")}");
    }

    private static StixObject? ArtifactOf(InputErrors errors, string field, string? base64, string? mediaType, string? name, Principal principal)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64 ?? "");
        }
        catch (FormatException)
        {
            errors.Add($"{field}.contentBase64", "is not valid base64");
            return null;
        }
        if (bytes.Length == 0)
        {
            errors.Add($"{field}.contentBase64", "is empty");
            return null;
        }
        if (bytes.Length > MaxFileBytes)
        {
            errors.Add($"{field}.contentBase64", $"is {bytes.Length} bytes; files up to {MaxFileBytes} bytes are accepted");
            return null;
        }
        var builder = StixObjectBuilder.Create("artifact")
            .Set("payload_bin", Convert.ToBase64String(bytes))
            .Set("hashes", new JsonObject { ["SHA-256"] = ObjectHashes.Of(bytes) })
            .Set("object_marking_refs", new[] { TlpMarkings.AmberStrictId });
        if (mediaType is not null)
            builder.Set("mime_type", mediaType);
        if (!string.IsNullOrWhiteSpace(name))
            builder.Set("x_riposte_file_name", Path.GetFileName(name));
        Recipients(builder, principal);
        return builder.Build();
    }

    private static void Recipients(StixObjectBuilder builder, Principal principal)
    {
        if (!principal.IsSystem)
            builder.Extension(RecipientsExtension.DefinitionId, RiposteExtensions.PropertyExtension, new JsonObject { [RecipientsExtension.PropertyName] = new JsonArray(principal.UserId) });
    }

    private static string Summary(string? text, IReadOnlyList<string> links)
    {
        var first = text?.Split('\n', 2)[0].Trim() ?? links.FirstOrDefault() ?? "Tip with files";
        return first.Length <= 80 ? first : first[..77] + "...";
    }
}
