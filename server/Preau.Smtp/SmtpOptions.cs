namespace Preau.Smtp;

/// <summary>The <c>Smtp</c> configuration section.</summary>
public sealed class SmtpOptions
{
    /// <summary>Address the listeners bind to.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>Mail from outside the school (MX), STARTTLS offered. 0 disables the listener.</summary>
    public int InboundPort { get; set; } = 2525;

    /// <summary>Submission with STARTTLS (RFC 6409), AUTH only after TLS. 0 disables it.</summary>
    public int SubmissionPort { get; set; } = 2587;

    /// <summary>Submission over implicit TLS (RFC 8314). 0 disables it.</summary>
    public int SubmissionTlsPort { get; set; } = 2465;

    /// <summary>Smart host that mail leaving the school is relayed through; none means the queue waits.</summary>
    public string? RelayHost { get; set; }

    /// <summary>Port of the smart host.</summary>
    public int RelayPort { get; set; } = 25;

    /// <summary>Accept a smart host certificate that does not validate (a relay on the same private network).</summary>
    public bool RelayAcceptInvalidCertificate { get; set; }

    /// <summary>Delays between relay attempts; the last one repeats until <see cref="RelayExpiry"/>.</summary>
    public List<TimeSpan>? RelayRetryDelays { get; set; }

    /// <summary>How long a message may wait in the queue before it is bounced.</summary>
    public TimeSpan RelayExpiry { get; set; } = TimeSpan.FromDays(4);

    /// <summary>How often the relay worker looks for due items.</summary>
    public TimeSpan RelayPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most simultaneous connections from one IP address.</summary>
    public int MaxConnectionsPerAddress { get; set; } = 50;

    /// <summary>Idle time allowed between commands.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest a whole session may last.</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The default retry schedule: quick at first, then hourly.</summary>
    public IReadOnlyList<TimeSpan> EffectiveRetryDelays => RelayRetryDelays is { Count: > 0 } delays
        ? delays
        : [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1)];
}
