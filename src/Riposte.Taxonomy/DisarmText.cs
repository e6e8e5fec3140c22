namespace Riposte.Taxonomy;

/// <summary>Fixed texts that travel with the DISARM data: version, attribution, and the cautions analysts must see.</summary>
public static class DisarmText
{
    /// <summary>The DISARM release the embedded data is.</summary>
    public const string Version = "DISARM Red V1.6 + Blue, commit 49df5f6";

    public const string SourceCommit = "49df5f649e16dfbf11e3859913c256c875c02692";

    public const string Attribution =
        "DISARM Framework © DISARM Foundation, CC BY-SA 4.0, https://github.com/DISARMFoundation/DISARMframeworks";

    public const string LicenceUrl = "https://creativecommons.org/licenses/by-sa/4.0/";

    /// <summary>Upstream's own caveat on the Blue framework. Show it wherever counters are listed.</summary>
    public const string EthicsCaution =
        "Caution: the DISARM Blue framework (counters) comes from a 2019 volunteer workshop and, as DISARM itself warns, " +
        "\"includes TTPs seen in countries with different ethical values (such as 'censorship')\". " +
        "A counter listed here is not a recommendation: weigh each against law, human rights and your mandate before acting. " +
        "See DISARM's Companion Guide to the 'Blue' 2019 workshop.";

    /// <summary>Why most counter→technique links are not shown as links.</summary>
    public const string StaleLinkCaveat =
        "DISARM's counter→technique links are historical hints from 2019 (AMITT numbering): only links whose technique id " +
        "still exists are used, and even some of those named a different technique at the time.";
}
