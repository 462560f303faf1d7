namespace DisclosurePortal.Core.Answers;

/// <summary>
/// The statement a signatory confirms when submitting. Its wording depends on the central answer: a "no" is an
/// undertaking, not a blank. The text is stored with the version, so what was signed is kept word for word.
/// </summary>
public static class Attestation
{
    public static string Statement(QuestionnaireAnswers answers, string signatoryName, string signatoryTitle, string requestTitle)
    {
        var entity = string.IsNullOrWhiteSpace(answers.Company.LegalEntity) ? "the company" : answers.Company.LegalEntity.Trim();
        var opening = $"I, {signatoryName.Trim()}, {signatoryTitle.Trim()} of {entity}, confirm that I am authorised to make this statement on its behalf, " +
            $"and that the answers and work lists submitted in response to \"{requestTitle}\" are accurate and complete to the best of my knowledge after reasonable enquiry.";
        var answer = answers.Use.Answer switch
        {
            ContentUseAnswer.No => $"{entity} undertakes that it has not used the label's content for text and data mining, or for the training, development or " +
                "commercialisation of any AI system or model, and that it will correct this answer without delay if it learns otherwise.",
            ContentUseAnswer.DontKnow => $"{entity} has not been able to establish whether it used the label's content; it will amend this answer as soon as it can.",
            _ => $"The work lists submitted identify the label's works that {entity} used, as far as it has been able to establish.",
        };
        return $"{opening} {answer}";
    }

    /// <summary>The typed name must be the signatory's named in the answers (case and spacing aside).</summary>
    public static bool IsSignatory(QuestionnaireAnswers answers, string typedName) =>
        !string.IsNullOrWhiteSpace(typedName)
        && string.Equals(Collapse(typedName), Collapse(answers.Company.SignatoryName ?? string.Empty), StringComparison.OrdinalIgnoreCase);

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
