namespace Preau.Core.Quota;

/// <summary>The <c>Mail:Quota</c> configuration section: the storage each profile gets by default
/// (a size such as <c>200M</c> or <c>1G</c>; <c>0</c> or <c>unlimited</c> for none), and when the
/// owner is warned. An account's own quota (<c>preau account quota</c>) replaces its profile's.</summary>
/// <remarks>School defaults: pupils and parents mostly read short messages (200 Mo is years of
/// them); staff receive and keep attachments (course material, scans), hence 1 Go.</remarks>
public sealed class QuotaOptions
{
    /// <summary>Pupils.</summary>
    public string Eleve { get; set; } = "200M";

    /// <summary>Parents and guardians.</summary>
    public string Responsable { get; set; } = "200M";

    /// <summary>Teachers.</summary>
    public string Enseignant { get; set; } = "1G";

    /// <summary>Staff.</summary>
    public string Personnel { get; set; } = "1G";

    /// <summary>ENT administrators.</summary>
    public string AdministrateurEnt { get; set; } = "1G";

    /// <summary>A delivery that takes the account across this share of its quota sends the owner one
    /// notice (0 turns the notice off).</summary>
    public int WarningPercent { get; set; } = 90;
}
