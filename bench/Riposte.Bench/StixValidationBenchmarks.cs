using System.Text;
using BenchmarkDotNet.Attributes;
using Riposte.Stix;
using Riposte.Stix.Markings;
using Riposte.Stix.Validation;

namespace Riposte.Bench;

/// <summary>
/// STIX validation on the import hot path (goal: the whole import at >= 50,000 objects/s on 2 cores,
/// so validation must take a small share of 20 µs per object). A realistic mix of 1,000 objects:
/// SDOs with references, markings and external references, relationships, SCOs (with their
/// deterministic-id check) and objects with custom properties and extensions.
/// dotnet run -c Release --project bench/Riposte.Bench -- --filter '*StixValidation*' --job short
/// </summary>
[MemoryDiagnoser]
public class StixValidationBenchmarks
{
    private const int Count = 1_000;
    private StixObject[] _objects = [];
    private byte[][] _utf8 = [];

    [GlobalSetup]
    public void Setup()
    {
        var clock = TimeProvider.System;
        var identity = StixObjectBuilder.Create("identity", clock).Set("name", "Riposte node").Set("identity_class", "organization").Build();
        var objects = new List<StixObject>(Count);
        for (var i = 0; objects.Count < Count; i++)
        {
            var campaign = StixObjectBuilder.Create("campaign", clock).Set("name", $"Campaign {i}").CreatedBy(identity.Id)
                .Markings(TlpMarkings.AmberId).Labels("fimi", "doppelganger").Confidence(70)
                .ExternalReference("disarm", externalId: "T0085.004", url: "https://example.org/T0085.004")
                .Set("first_seen", "2024-01-01T00:00:00Z").Set("last_seen", "2024-03-01T00:00:00.5Z").Build();
            var indicator = StixObjectBuilder.Create("indicator", clock).Set("pattern", $"[domain-name:value = 'site{i}.example']")
                .Set("pattern_type", "stix").Set("valid_from", "2024-01-01T00:00:00Z").Set("indicator_types", ["malicious-activity"])
                .CreatedBy(identity.Id).Markings(TlpMarkings.GreenId).KillChainPhase("disarm", "plan-objectives").Build();
            var domain = StixObjectBuilder.Create("domain-name", clock).Set("value", $"site{i}.example").Markings(TlpMarkings.ClearId).Build();
            var account = StixObjectBuilder.Create("user-account", clock).Set("account_type", "twitter").Set("user_id", $"{1000 + i}")
                .Set("account_login", $"handle_{i}").Set("display_name", "Журналіст 🐍").Build();
            var url = StixObjectBuilder.Create("url", clock).Set("value", $"https://site{i}.example/post/{i}?utm=x").Build();
            var relationship = StixObjectBuilder.Relationship("indicates", indicator.Id, campaign.Id, clock).CreatedBy(identity.Id).Build();
            var note = StixObjectBuilder.Create("note", clock).Set("content", "Amplified by a network of inauthentic accounts.")
                .Add("object_refs", campaign.Id, domain.Id).Set("x_riposte_score", 0.87)
                .Extension("extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e", "property-extension", new() { ["phase"] = "amplify" })
                .Build();
            objects.AddRange([campaign, indicator, domain, account, url, relationship, note]);
        }
        _objects = [.. objects.Take(Count)];
        _utf8 = [.. _objects.Select(o => Encoding.UTF8.GetBytes(o.ToJson()))];
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int Validate()
    {
        var errors = 0;
        foreach (var obj in _objects)
            errors += StixValidator.Validate(obj).IsValid ? 0 : 1;
        return errors;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int ParseAndValidate()
    {
        var errors = 0;
        foreach (var utf8 in _utf8)
            errors += StixValidator.Validate(StixObject.Parse(utf8)).IsValid ? 0 : 1;
        return errors;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int ComputeScoIds()
    {
        var computed = 0;
        foreach (var obj in _objects)
            computed += ScoIds.Compute(obj) is null ? 0 : 1;
        return computed;
    }
}
