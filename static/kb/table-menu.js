// The right-click menu of the table editor in Danish. Wagtail's table editor is Handsontable,
// which has its menu in English only; it asks for the language Django's admin runs in ("da").
{
  const keys = Handsontable.languages.dictionaryKeys;
  Handsontable.languages.registerLanguageDictionary({
    languageCode: "da",
    [keys.CONTEXTMENU_ITEMS_ROW_ABOVE]: gettext("Indsæt række over"),
    [keys.CONTEXTMENU_ITEMS_ROW_BELOW]: gettext("Indsæt række under"),
    [keys.CONTEXTMENU_ITEMS_INSERT_LEFT]: gettext("Indsæt kolonne til venstre"),
    [keys.CONTEXTMENU_ITEMS_INSERT_RIGHT]: gettext("Indsæt kolonne til højre"),
    [keys.CONTEXTMENU_ITEMS_REMOVE_ROW]: [gettext("Slet række"), gettext("Slet rækker")],
    [keys.CONTEXTMENU_ITEMS_REMOVE_COLUMN]: [gettext("Slet kolonne"), gettext("Slet kolonner")],
    [keys.CONTEXTMENU_ITEMS_UNDO]: gettext("Fortryd"),
    [keys.CONTEXTMENU_ITEMS_REDO]: gettext("Gentag"),
  });
}
