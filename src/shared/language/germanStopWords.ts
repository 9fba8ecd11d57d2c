/**
 * Folded German stop words: function words plus the filler of telephone conversations
 * ("hallo", "bitte", "wollte fragen") and its spoken, clipped and dialect forms as speech
 * recognition writes them ("hab", "nen", "bräucht", "des", "net", "moin") that say nothing
 * about the caller's concern, nor does "mein Name ist …" (a caller introducing themselves).
 */
const STOP_WORD_LIST = `
aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei beim
bin bis bist bitte da dabei dadurch dafuer dagegen daher damit dann dar darauf darf darueber
das dass davon dazu dein deine dem den denen denn der deren des dessen deshalb dich die dies
diese diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines
einfach einmal er es etwa etwas euch euer eure fuer ganz gar gegen gehabt gern gerne gewesen
gibt gut guten habe haben hallo hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre
ihrem ihren ihrer im immer in ins ist ja jede jedem jeden jeder jetzt kann kannst kein keine
koennen koennte koennten kurz mal man manche mein meine meinem meinen meiner mich
mir mit moechte moechten muss muessen nach nicht nichts noch nun nur ob oder ohne schon sehr
sein seine seinem seinen sich sie sind so solche soll sollte sondern sonst sowie tag ueber um
und uns unser unsere unter viel vielen vom von vor wann war waere waren warum was weil weiter
welche welchem welchen welcher wenn wer werde werden wie wieder will wir wird wo wollen wollte
wuerde wuerden zu zum zur zwar zwischen
eigentlich vielleicht genau okay ok danke dankeschoen schoenen morgen abend gruess
wiederhoeren frage fragen gefragt wissen weiss sagen sag sagen bekommen kriege kriegen geht
gehen brauche brauchen machen mache mach also naja aeh aehm hm
braeucht braeuchte braeuchten brauch haett haette hab hast gibts isch des net nix ne nen nem
grad gerade halt eben echt irgendwie erstmal bloss nochmal wollt wuerd moin servus gott gruess
name namen heisse
`;

/** The stop words, already folded with {@link foldGerman}. */
export const GERMAN_STOP_WORDS: ReadonlySet<string> = new Set(
  STOP_WORD_LIST.split(/\s+/).filter((word) => word !== ''),
);
