namespace Preau.Plugins.Directory.Model;

/// <summary>Which feeds an import carries; the planner only changes what they own.</summary>
[Flags]
public enum ImportScope
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>The four SIECLE files: pupils, responsables, classes, groups, levels, subjects.</summary>
    Siecle = 1,

    /// <summary>The STSweb file: staff, their functions, services and professeurs principaux.</summary>
    Sts = 2,
}
