namespace Preau.Core.Policy;

/// <summary>How a recipient must stand to the sender in the establishment graph for a rule to apply.
/// The vocabulary of relations is code; which relations open which doors is data (the rule table).</summary>
public enum Relation
{
    /// <summary>Any account of the sender's establishment (the directory).</summary>
    SameEstablishment,

    /// <summary>Both pupils are in the same class (division).</summary>
    SameClass,

    /// <summary>Both pupils share a group.</summary>
    SameGroup,

    /// <summary>The recipient teaches a class or group the sending pupil is in.</summary>
    TeachesSender,

    /// <summary>The recipient is a responsable of the sending pupil.</summary>
    ParentOfSender,

    /// <summary>The recipient is a pupil the sender is responsable of.</summary>
    ChildOfSender,

    /// <summary>The recipient teaches a class or group of one of the sender's children.</summary>
    TeachesSendersChild,

    /// <summary>The recipient is a pupil in a class or group the sender teaches.</summary>
    TaughtBySender,

    /// <summary>The recipient is a responsable of a pupil the sender teaches.</summary>
    ParentOfPupilTaughtBySender,

    /// <summary>The recipient teaches a class or group the sender teaches too.</summary>
    TeachesSameStructure,

    /// <summary>Both are members of a rubrique whose diffusion list is on.</summary>
    SameRubrique,
}
