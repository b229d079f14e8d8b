namespace Preau.Plugins.Directory.Model;

/// <summary>Class (SIECLE/STS division) or group; member names are those of Core's <c>StructureKind</c>.</summary>
public enum StructureType
{
    /// <summary>A division: a pupil is in at most one.</summary>
    Class,

    /// <summary>A group, possibly drawing on several classes.</summary>
    Group,
}
