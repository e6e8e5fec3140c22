using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Riposte.Access;
using Riposte.Incidents.Model;
using Riposte.Incidents.Services;

namespace Riposte.Incidents;

public static class IncidentsServiceCollectionExtensions
{
    private const string EvidencePath = "evidence[*].ref";

    /// <summary>
    /// Registers the analyst's services (incidents, narratives and channels, assessments, responses,
    /// lessons, tips, findings). Scoped like the access gate they read through; the host must register
    /// <c>IStixStore</c> and the access layer (<c>AddRiposteAccess</c>).
    /// </summary>
    public static IServiceCollection AddRiposteIncidents(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        // Evidence names STIX objects under "ref", which the gate cannot guess is a reference: declare it,
        // so a reader never learns the id of evidence they may not see.
        services.Configure<AccessOptions>(options =>
        {
            options.ExtensionReferences[RiposteExtensions.IncidentId] = [EvidencePath];
            options.ExtensionReferences[RiposteExtensions.EvidenceId] = [EvidencePath];
        });
        services.TryAddScoped<ObjectWorkspace>();
        services.TryAddScoped<IncidentService>();
        services.TryAddScoped<NarrativeService>();
        services.TryAddScoped<ShareCollector>();
        services.TryAddScoped<AssessmentService>();
        services.TryAddScoped<ResponseService>();
        services.TryAddScoped<LessonService>();
        services.TryAddScoped<ThreatActorService>();
        services.TryAddScoped<TipService>();
        services.TryAddScoped<FindingService>();
        return services;
    }
}
