namespace Preau.Server.Tls;

/// <summary>The <c>Tls</c> configuration section.</summary>
public sealed class TlsOptions
{
    /// <summary>PEM certificate (chain) file; none means a self-signed certificate in the data folder.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM private key file, when not in <see cref="CertificatePath"/>.</summary>
    public string? KeyPath { get; set; }
}
