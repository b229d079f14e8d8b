using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Preau.Server.Tls;

/// <summary>The server's TLS certificate: the configured PEM files, else a self-signed one made in
/// the data folder on first start and reused after (so clients that accepted it once keep working).</summary>
public static class CertificateProvider
{
    /// <summary>Loads or creates the certificate.</summary>
    public static X509Certificate2 Load(TlsOptions options, string dataDirectory, string hostName)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return FromPem(options.CertificatePath, options.KeyPath ?? options.CertificatePath);
        }

        var folder = Path.Combine(dataDirectory, "tls");
        var certPath = Path.Combine(folder, "cert.pem");
        var keyPath = Path.Combine(folder, "key.pem");
        if (!File.Exists(certPath) || !File.Exists(keyPath))
        {
            System.IO.Directory.CreateDirectory(folder);
            CreateSelfSigned(certPath, keyPath, hostName);
        }

        return FromPem(certPath, keyPath);
    }

    private static X509Certificate2 FromPem(string certPath, string keyPath)
    {
        using var pem = X509Certificate2.CreateFromPemFile(certPath, keyPath);

        // An ephemeral PEM key cannot serve TLS on every platform: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    private static void CreateSelfSigned(string certPath, string keyPath, string hostName)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={hostName}, O=Preau", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(hostName);
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        san.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.WriteAllText(certPath, certificate.ExportCertificatePem());
    }
}
