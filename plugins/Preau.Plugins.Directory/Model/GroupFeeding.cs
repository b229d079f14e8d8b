namespace Preau.Plugins.Directory.Model;

/// <summary>Which source owns the groups this school year (DOMAIN.md, "How groups are fed").</summary>
public enum GroupFeeding
{
    /// <summary>Option 1: groups defined and populated in SIECLE; STSweb services on groups apply.</summary>
    Siecle,

    /// <summary>Option 2: groups defined and populated in EDT; SIECLE and STSweb leave groups,
    /// their members and the services on them alone.</summary>
    Edt,

    /// <summary>Option 3: groups defined in EDT, members set in the ENT; SIECLE and STSweb leave
    /// groups alone as in <see cref="Edt"/>.</summary>
    EdtWithEntMembers,
}
