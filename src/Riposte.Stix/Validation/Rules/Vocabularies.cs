namespace Riposte.Stix.Validation.Rules;

/// <summary>The vocabularies of STIX 2.1 section 10 (open, <c>-ov</c>) and the enumerations (closed, <c>-enum</c>).</summary>
internal static class Vocabularies
{
    public static readonly Vocabulary AccountType = new("account-type-ov", false,
        "facebook", "ldap", "nis", "openid", "radius", "skype", "tacacs", "twitter", "unix", "windows-local", "windows-domain");

    public static readonly Vocabulary AttackMotivation = new("attack-motivation-ov", false,
        "accidental", "coercion", "dominance", "ideology", "notoriety", "organizational-gain", "personal-gain",
        "personal-satisfaction", "revenge", "unpredictable");

    public static readonly Vocabulary AttackResourceLevel = new("attack-resource-level-ov", false,
        "individual", "club", "contest", "team", "organization", "government");

    public static readonly Vocabulary GroupingContext = new("grouping-context-ov", false,
        "suspicious-activity", "malware-analysis", "unspecified");

    public static readonly Vocabulary IdentityClass = new("identity-class-ov", false,
        "individual", "group", "system", "organization", "class", "unknown");

    public static readonly Vocabulary ImplementationLanguage = new("implementation-language-ov", false,
        "applescript", "bash", "c", "c++", "c#", "go", "java", "javascript", "lua", "objective-c", "perl", "php",
        "powershell", "python", "ruby", "scala", "swift", "typescript", "visual-basic", "x86-32", "x86-64");

    public static readonly Vocabulary IndicatorType = new("indicator-type-ov", false,
        "anomalous-activity", "anonymization", "benign", "compromised", "malicious-activity", "attribution", "unknown");

    public static readonly Vocabulary IndustrySector = new("industry-sector-ov", false,
        "agriculture", "aerospace", "automotive", "chemical", "commercial", "communications", "construction", "defense",
        "education", "energy", "entertainment", "financial-services", "government", "government-emergency-services",
        "government-local", "government-national", "government-public-services", "government-regional", "healthcare",
        "hospitality-leisure", "infrastructure", "infrastructure-dams", "infrastructure-nuclear", "infrastructure-water",
        "insurance", "manufacturing", "mining", "non-profit", "pharmaceuticals", "retail", "technology",
        "telecommunications", "transportation", "utilities");

    public static readonly Vocabulary InfrastructureType = new("infrastructure-type-ov", false,
        "amplification", "anonymization", "botnet", "command-and-control", "control-system", "exfiltration", "firewall",
        "hosting-malware", "hosting-target-lists", "phishing", "reconnaissance", "routers-switches", "staging",
        "workstation", "unknown");

    public static readonly Vocabulary MalwareResult = new("malware-result-ov", false, "malicious", "suspicious", "benign", "unknown");

    public static readonly Vocabulary MalwareCapabilities = new("malware-capabilities-ov", false,
        "accesses-remote-machines", "anti-debugging", "anti-disassembly", "anti-emulation", "anti-memory-forensics",
        "anti-sandbox", "anti-vm", "captures-input-peripherals", "captures-output-peripherals",
        "captures-system-state-data", "cleans-traces-of-infection", "commits-fraud", "communicates-with-c2",
        "compromises-data-availability", "compromises-data-integrity", "compromises-system-availability",
        "controls-local-machine", "degrades-security-software", "degrades-system-updates", "determines-c2-server",
        "emails-spam", "escalates-privileges", "evades-av", "exfiltrates-data", "fingerprints-host", "hides-artifacts",
        "hides-executing-code", "infects-files", "infects-remote-machines", "installs-other-components",
        "persists-after-system-reboot", "prevents-artifact-access", "prevents-artifact-deletion",
        "probes-network-environment", "self-modifies", "steals-authentication-credentials",
        "violates-system-operational-integrity");

    public static readonly Vocabulary MalwareType = new("malware-type-ov", false,
        "adware", "backdoor", "bot", "bootkit", "ddos", "downloader", "dropper", "exploit-kit", "keylogger", "ransomware",
        "remote-access-trojan", "resource-exploitation", "rogue-security-software", "rootkit", "screen-capture", "spyware",
        "trojan", "unknown", "virus", "webshell", "wiper", "worm");

    public static readonly Vocabulary PatternType = new("pattern-type-ov", false, "stix", "pcre", "sigma", "snort", "suricata", "yara");

    public static readonly Vocabulary ProcessorArchitecture = new("processor-architecture-ov", false,
        "alpha", "arm", "ia-64", "mips", "powerpc", "sparc", "x86", "x86-64");

    public static readonly Vocabulary Region = new("region-ov", false,
        "africa", "eastern-africa", "middle-africa", "northern-africa", "southern-africa", "western-africa", "americas",
        "caribbean", "central-america", "latin-america-caribbean", "northern-america", "south-america", "asia",
        "central-asia", "eastern-asia", "southern-asia", "south-eastern-asia", "western-asia", "europe", "eastern-europe",
        "northern-europe", "southern-europe", "western-europe", "oceania", "antarctica", "australia-new-zealand",
        "melanesia", "micronesia", "polynesia");

    public static readonly Vocabulary ReportType = new("report-type-ov", false,
        "attack-pattern", "campaign", "identity", "indicator", "intrusion-set", "malware", "observed-data", "threat-actor",
        "threat-report", "tool", "vulnerability");

    public static readonly Vocabulary ThreatActorType = new("threat-actor-type-ov", false,
        "activist", "competitor", "crime-syndicate", "criminal", "hacker", "insider-accidental", "insider-disgruntled",
        "nation-state", "sensationalist", "spy", "terrorist", "unknown");

    public static readonly Vocabulary ThreatActorRole = new("threat-actor-role-ov", false,
        "agent", "director", "independent", "infrastructure-architect", "infrastructure-operator", "malware-author", "sponsor");

    public static readonly Vocabulary ThreatActorSophistication = new("threat-actor-sophistication-ov", false,
        "none", "minimal", "intermediate", "advanced", "expert", "innovator", "strategic");

    public static readonly Vocabulary ToolType = new("tool-type-ov", false,
        "denial-of-service", "exploitation", "information-gathering", "network-capture", "credential-exploitation",
        "remote-access", "vulnerability-scanning", "unknown");

    public static readonly Vocabulary HashAlgorithm = new("hash-algorithm-ov", false,
        "MD5", "SHA-1", "SHA-256", "SHA-512", "SHA3-256", "SHA3-512", "SSDEEP", "TLSH");

    public static readonly Vocabulary Opinion = new("opinion-enum", true,
        "strongly-disagree", "disagree", "neutral", "agree", "strongly-agree");

    public static readonly Vocabulary EncryptionAlgorithm = new("encryption-algorithm-enum", true,
        "AES-256-GCM", "ChaCha20-Poly1305", "mime-type-indicated");

    public static readonly Vocabulary ExtensionType = new("extension-type-enum", true,
        "new-sdo", "new-sco", "new-sro", "property-extension", "toplevel-property-extension");

    public static readonly Vocabulary WindowsRegistryDatatype = new("windows-registry-datatype-enum", true,
        "REG_NONE", "REG_SZ", "REG_EXPAND_SZ", "REG_BINARY", "REG_DWORD", "REG_DWORD_BIG_ENDIAN", "REG_DWORD_LITTLE_ENDIAN",
        "REG_LINK", "REG_MULTI_SZ", "REG_RESOURCE_LIST", "REG_FULL_RESOURCE_DESCRIPTION",
        "REG_RESOURCE_REQUIREMENTS_LIST", "REG_QWORD", "REG_INVALID_TYPE");

    public static readonly Vocabulary Tlp1 = new("TLP 1.0 colour", true, "white", "green", "amber", "red");

    public static readonly Vocabulary Tlp2 = new("TLP 2.0 level", true, "clear", "green", "amber", "amber+strict", "red");
}
