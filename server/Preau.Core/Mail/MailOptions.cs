using Preau.Core.Quota;

namespace Preau.Core.Mail;

/// <summary>The <c>Mail</c> configuration section.</summary>
public sealed class MailOptions
{
    /// <summary>The school's mail domain: every address is <c>login@Domain</c>.</summary>
    public string Domain { get; set; } = "demo.preau.test";

    /// <summary>The host name announced in greetings and trace headers.</summary>
    public string HostName { get; set; } = "localhost";

    /// <summary>Largest message accepted, in octets (announced as SIZE).</summary>
    public int MaxMessageSize { get; set; } = 25 * 1024 * 1024;

    /// <summary>Name shown on notices sent by the server itself.</summary>
    public string SystemName { get; set; } = "Préau";

    /// <summary>Storage quotas per profile (<c>Mail:Quota</c>).</summary>
    public QuotaOptions Quota { get; set; } = new();
    /// <summary>The address the server's own mail comes from (notices, plugins sending as the system).</summary>
    public string SystemAddress => $"ne-pas-repondre@{Domain}";
}
