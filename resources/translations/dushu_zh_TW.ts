<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>Export</name>
    <message>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>Anki deck (.apkg)</source>
        <translation>Anki 牌組 (.apkg)</translation>
    </message>
    <message>
        <source>Spreadsheet (.csv)</source>
        <translation>試算表 (.csv)</translation>
    </message>
    <message>
        <source>Word list for Pleco (.tsv)</source>
        <translation>Pleco 詞表 (.tsv)</translation>
    </message>
    <message>
        <source>Vocabulary cards (word ↔ meaning)</source>
        <translation>詞彙卡（詞 ↔ 釋義）</translation>
    </message>
    <message>
        <source>Fact cards (dates, terms, people)</source>
        <translation>事實卡（日期、術語、人物）</translation>
    </message>
    <message>
        <source>Fill-in-the-blank sentences</source>
        <translation>填空句</translation>
    </message>
    <message>
        <source>Only the words I added to my deck (%1)</source>
        <translation>只匯出我加入牌組的詞（%1 個）</translation>
    </message>
    <message>
        <source>Every word except the ones I know (%1 known words skipped)</source>
        <translation>所有的詞，但略過我已會的（略過 %1 個）</translation>
    </message>
    <message>
        <source>keep every level</source>
        <translation>保留所有級別</translation>
    </message>
    <message>
        <source>skip words below HSK %1</source>
        <translation>略過 HSK %1 級以下的詞</translation>
    </message>
    <message>
        <source>only HSK 7–9 and unlisted words</source>
        <translation>只要 HSK 7–9 級和不在詞表上的詞</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Deck name:</source>
        <translation>牌組名稱：</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>儲存為：</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>包含</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>詞彙</translation>
    </message>
    <message>
        <source>HSK levels:</source>
        <translation>HSK 級別：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Anki packages (*.apkg)</source>
        <translation>Anki 套件 (*.apkg)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 檔案 (*.csv)</translation>
    </message>
    <message>
        <source>Tab-separated files (*.tsv *.txt)</source>
        <translation>Tab 分隔檔案 (*.tsv *.txt)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存新檔</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>請選擇匯出檔案的儲存位置。</translation>
    </message>
    <message>
        <source>Choose at least one kind of card to include.</source>
        <translation>請至少選擇一種卡片。</translation>
    </message>
    <message>
        <source>Your deck has no words from this text yet. Add words with “Add to deck”, or choose every word except the known ones.</source>
        <translation>你的牌組裡還沒有這篇文章的詞。請用「加入牌組」加入，或改選「所有的詞，但略過我已會的」。</translation>
    </message>
    <message>
        <source>That is a folder; give a file name.</source>
        <translation>這是資料夾，請輸入檔名。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>匯出中…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Saved %1 notes to %2.</source>
        <translation>已將 %1 則筆記儲存到 %2。</translation>
    </message>
    <message>
        <source>%1 known words were left out.</source>
        <translation>已略過 %1 個已會的詞。</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>匯出失敗：%1</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>已取消匯出，沒有寫入任何檔案。</translation>
    </message>
</context>
<context>
    <name>Facts</name>
    <message>
        <source>organisation</source>
        <translation>組織</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>協定</translation>
    </message>
    <message>
        <source>document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>mechanism</source>
        <translation>機制</translation>
    </message>
    <message>
        <source>term</source>
        <translation>術語</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>預定</translation>
    </message>
    <message>
        <source>Not dated (%1) — in the order of the text</source>
        <translation>無日期（%1）— 依文本順序</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>As written</source>
        <translation>原文寫法</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>主體</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>術語</translation>
    </message>
    <message>
        <source>Abbreviation</source>
        <translation>簡稱</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成員</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身分</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>提及次數</translation>
    </message>
    <message>
        <source>Date (YYYY, YYYY-MM or YYYY-MM-DD)</source>
        <translation>日期（YYYY、YYYY-MM 或 YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Until (for a range; may stay empty)</source>
        <translation>至（日期範圍；可留空）</translation>
    </message>
    <message>
        <source>Date as written</source>
        <translation>原文的日期寫法</translation>
    </message>
    <message>
        <source>Who or what acted</source>
        <translation>行動者</translation>
    </message>
    <message>
        <source>Summary (read on its own)</source>
        <translation>摘要（可獨立閱讀）</translation>
    </message>
    <message>
        <source>As the text says it</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Scheduled, not yet happened</source>
        <translation>預定，尚未發生</translation>
    </message>
    <message>
        <source>Sentence number</source>
        <translation>句子編號</translation>
    </message>
    <message>
        <source>Members (comma separated)</source>
        <translation>成員（以逗號分隔）</translation>
    </message>
    <message>
        <source>First sentence number</source>
        <translation>首次出現的句子編號</translation>
    </message>
    <message>
        <source>No dated events were found in this text. Use Add to write one.</source>
        <translation>這篇文章裡沒有找到有日期的事件。可以按「新增」自己加入。</translation>
    </message>
    <message>
        <source>No terms or abbreviations were found. Use Add to write one.</source>
        <translation>沒有找到術語或簡稱。可以按「新增」自己加入。</translation>
    </message>
    <message>
        <source>No people were found in this text. Use Add to write one.</source>
        <translation>這篇文章裡沒有找到人物。可以按「新增」自己加入。</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>編輯</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編輯…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Show in the text</source>
        <translation>在文中顯示</translation>
    </message>
    <message>
        <source>Quiz questions on it…</source>
        <translation>出題…</translation>
    </message>
    <message>
        <source>Choose questions on this row for the quiz set in the Quiz Editor tab</source>
        <translation>在「題組編輯器」分頁中為這一列挑選題目</translation>
    </message>
    <message>
        <source>Timeline (%1)</source>
        <translation>時間線（%1）</translation>
    </message>
    <message>
        <source>Glossary (%1)</source>
        <translation>術語表（%1）</translation>
    </message>
    <message>
        <source>People (%1)</source>
        <translation>人物（%1）</translation>
    </message>
    <message>
        <source>You have edited these facts; your version is kept.</source>
        <translation>你修改過這些資料，會保留你的版本。</translation>
    </message>
    <message>
        <source>Restore the facts found in the text</source>
        <translation>還原為文中找到的資料</translation>
    </message>
</context>
<context>
    <name>Fonts</name>
    <message>
        <source>No font with Chinese characters is installed, so the text would show as empty boxes. Install one (for example the package fonts-noto-cjk) and start Dushu again.</source>
        <translation>系統沒有安裝中文字型，文字會顯示成空白方框。請安裝一套中文字型（例如 fonts-noto-cjk 套件），再重新啟動 Dushu。</translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>已讀</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>字數</translation>
    </message>
    <message>
        <source>Last opened</source>
        <translation>上次開啟</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>加入時間</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>pasted text</source>
        <translation>貼上的文字</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重新命名</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>標題：</translation>
    </message>
    <message>
        <source>Remove “%1” from the library? Your edits of its facts go with it.</source>
        <translation>要從書庫移除「%1」嗎？你對它的資料所做的修改也會一併刪除。</translation>
    </message>
    <message>
        <source>Remove document</source>
        <translation>移除文件</translation>
    </message>
    <message>
        <source>Your documents</source>
        <translation>你的文件</translation>
    </message>
    <message>
        <source>Everything you open is kept here with the place where you stopped reading. You can also drop a text file on the window.</source>
        <translation>你開啟過的文章都存在這裡，並記得你讀到哪裡。也可以直接把文字檔拖放到視窗上。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重新命名…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Open a file…</source>
        <translation>開啟檔案…</translation>
    </message>
    <message>
        <source>Paste text…</source>
        <translation>貼上文字…</translation>
    </message>
    <message>
        <source>Paste text</source>
        <translation>貼上文字</translation>
    </message>
    <message>
        <source>Taken from the first line if left empty</source>
        <translation>留空則使用第一行</translation>
    </message>
    <message>
        <source>Paste a Chinese text here</source>
        <translation>在這裡貼上中文文章</translation>
    </message>
    <message>
        <source>Start reading</source>
        <translation>開始閱讀</translation>
    </message>
    <message>
        <source>Properties…</source>
        <translation>內容…</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Opening the dictionary…</source>
        <translation>正在開啟詞典…</translation>
    </message>
    <message>
        <source>Building the dictionary index (first start only)…</source>
        <translation>正在建立詞典索引（只有第一次啟動需要）…</translation>
    </message>
    <message>
        <source>The dictionary could not be opened: %1</source>
        <translation>無法開啟詞典：%1</translation>
    </message>
    <message>
        <source>The dictionary could not be opened.</source>
        <translation>無法開啟詞典。</translation>
    </message>
    <message>
        <source>Dushu sample text</source>
        <translation>Dushu 範例文章</translation>
    </message>
    <message>
        <source>Open a text</source>
        <translation>開啟文章</translation>
    </message>
    <message>
        <source>Text files (%1);;All files (*)</source>
        <translation>文字檔 (%1);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在讀取 %1…</translation>
    </message>
    <message>
        <source>The text is empty.</source>
        <translation>文字是空的。</translation>
    </message>
    <message>
        <source>That document is no longer in the library.</source>
        <translation>書庫裡已經沒有這份文件。</translation>
    </message>
    <message>
        <source>Opening the dictionary… “%1” will appear in a moment.</source>
        <translation>正在開啟詞典…「%1」馬上就會出現。</translation>
    </message>
    <message>
        <source>Reading “%1”…</source>
        <translation>正在處理「%1」…</translation>
    </message>
    <message>
        <source>Finding vocabulary…</source>
        <translation>正在整理詞彙…</translation>
    </message>
    <message>
        <source>Finding facts…</source>
        <translation>正在找出事實…</translation>
    </message>
    <message>
        <source>This text could not be analysed.</source>
        <translation>無法分析這篇文章。</translation>
    </message>
    <message>
        <source>%1 characters · %2 different words</source>
        <translation>%1 字 · %2 個不同的詞</translation>
    </message>
    <message>
        <source>Open a text from the Library, a file, or paste one.</source>
        <translation>從書庫開啟文章、開啟檔案，或貼上一段文字。</translation>
    </message>
    <message>
        <source>Edit meaning…</source>
        <translation>編輯釋義…</translation>
    </message>
    <message>
        <source>Copy word</source>
        <translation>複製這個詞</translation>
    </message>
    <message>
        <source>Select a word in the text first.</source>
        <translation>請先在文中選一個詞。</translation>
    </message>
    <message>
        <source>Marked as known: %1</source>
        <translation>已標為已會：%1</translation>
    </message>
    <message>
        <source>Added to your deck: %1</source>
        <translation>已加入牌組：%1</translation>
    </message>
    <message>
        <source>Marked as new: %1</source>
        <translation>已標為生詞：%1</translation>
    </message>
    <message>
        <source>Edit meaning</source>
        <translation>編輯釋義</translation>
    </message>
    <message>
        <source>Meaning of %1 (leave empty to use the dictionary&apos;s):</source>
        <translation>「%1」的釋義（留空則使用詞典的釋義）：</translation>
    </message>
    <message>
        <source>Only two neighbouring Chinese words can be merged.</source>
        <translation>只能合併兩個相鄰的中文詞。</translation>
    </message>
    <message>
        <source>“%1” is now one word, here and in every text.</source>
        <translation>「%1」現在是一個詞，這篇和以後每篇文章都是。</translation>
    </message>
    <message>
        <source>A single character cannot be split.</source>
        <translation>單一個字無法拆開。</translation>
    </message>
    <message>
        <source>“%1” is split from now on, here and in every text.</source>
        <translation>從現在起，「%1」在這篇和每篇文章裡都會拆開。</translation>
    </message>
    <message>
        <source>Open a text first; the export is made from it.</source>
        <translation>請先開啟一篇文章，匯出的內容來自這篇文章。</translation>
    </message>
    <message>
        <source>The text is still being analysed; export it in a moment.</source>
        <translation>文章仍在分析中，請稍後再匯出。</translation>
    </message>
    <message>
        <source>Sending to Anki…</source>
        <translation>正在傳送到 Anki…</translation>
    </message>
    <message>
        <source>Sent to Anki: %1 added, %2 updated, %3 already up to date; your own fields and tags were kept.</source>
        <translation>已傳送到 Anki：新增 %1 則、更新 %2 則、%3 則已是最新；你自己加的欄位和標籤都保留著。</translation>
    </message>
    <message>
        <source>Cancelled. Open the text again from the Library when you want to read it.</source>
        <translation>已取消。想讀的時候，可以從書庫再開啟這篇文章。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Open a quiz set</source>
        <translation>開啟題組</translation>
    </message>
    <message>
        <source>Quiz sets (*.toml)</source>
        <translation>題組 (*.toml)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Dushu %1&lt;/h3&gt;&lt;p&gt;Read Chinese texts with readings and a dictionary, then study them as flashcards.&lt;/p&gt;&lt;p&gt;Dictionary: &lt;a href=&apos;https://cc-cedict.org/&apos;&gt;CC-CEDICT&lt;/a&gt;, licensed under CC BY-SA 4.0. Word segmentation: jieba. Readings: pypinyin. Word levels: HSK 3.0. Word frequencies: wordfreq.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Dushu %1&lt;/h3&gt;&lt;p&gt;藉助讀音和詞典閱讀中文文章，再把學到的內容做成抽認卡複習。&lt;/p&gt;&lt;p&gt;詞典：&lt;a href=&apos;https://cc-cedict.org/&apos;&gt;CC-CEDICT&lt;/a&gt;，採用 CC BY-SA 4.0 授權。斷詞：jieba。讀音：pypinyin。詞彙級別：HSK 3.0。詞頻：wordfreq。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Dushu</source>
        <translation>關於 Dushu</translation>
    </message>
    <message>
        <source>No documents yet</source>
        <translation>還沒有文件</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>閱讀</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>詞彙</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>事實</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>測驗</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>複習</translation>
    </message>
    <message>
        <source>Quiz Editor</source>
        <translation>題組編輯器</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>書庫</translation>
    </message>
    <message>
        <source>&amp;Study</source>
        <translation>學習(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Take a Quiz</source>
        <translation>進行測驗(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Open Quiz Set…</source>
        <translation>開啟題組(&amp;O)…</translation>
    </message>
    <message>
        <source>Quiz &amp;Results</source>
        <translation>測驗結果(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Review Due Cards</source>
        <translation>複習到期卡片(&amp;R)</translation>
    </message>
    <message>
        <source>Review &amp;Items…</source>
        <translation>複習項目(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;New Quiz Set</source>
        <translation>新增題組(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Edit a Quiz Set…</source>
        <translation>編輯題組(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近開啟(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Word</source>
        <translation>詞(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開啟(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Paste Text…</source>
        <translation>貼上文字(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>書庫(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>匯出(&amp;E)…</translation>
    </message>
    <message>
        <source>Send to &amp;Anki</source>
        <translation>傳送到 Anki(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>Add to Deck</source>
        <translation>加入牌組</translation>
    </message>
    <message>
        <source>I Know This</source>
        <translation>我會這個詞</translation>
    </message>
    <message>
        <source>&amp;Merge with Next Word</source>
        <translation>與下一個詞合併(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Split Word</source>
        <translation>拆開這個詞(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Find in Vocabulary</source>
        <translation>在詞彙中搜尋(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Bigger Text</source>
        <translation>放大文字(&amp;B)</translation>
    </message>
    <message>
        <source>Smalle&amp;r Text</source>
        <translation>縮小文字(&amp;R)</translation>
    </message>
    <message>
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <source>A−</source>
        <translation>A−</translation>
    </message>
    <message>
        <source>Tone &amp;Colours</source>
        <translation>聲調顏色(&amp;C)</translation>
    </message>
    <message>
        <source>Tone Sa&amp;ndhi in Readings</source>
        <translation>讀音顯示變調(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;About Dushu</source>
        <translation>關於 Dushu(&amp;A)</translation>
    </message>
    <message>
        <source>Readings:</source>
        <translation>讀音：</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Something went wrong (%1). Your documents and words are safe.</source>
        <translation>發生錯誤（%1）。你的文件和詞彙都沒有受影響。</translation>
    </message>
    <message>
        <source>Document &amp;Properties…</source>
        <translation>文件內容(&amp;P)…</translation>
    </message>
    <message>
        <source>The words of “%1” are listed here once the whole text is analysed; the Reader shows it already.</source>
        <translation>整篇文章分析完後，「%1」的詞語會列在這裡；閱讀器已經可以看了。</translation>
    </message>
    <message>
        <source>The facts of “%1” are shown here once the whole text is analysed; the Reader shows it already.</source>
        <translation>整篇文章分析完後，「%1」的事實會顯示在這裡；閱讀器已經可以看了。</translation>
    </message>
    <message>
        <source>That sentence is not in the open text: the quiz set may come from another text.</source>
        <translation>開啟的文章裡沒有這句話：這個題組可能出自別的文章。</translation>
    </message>
</context>
<context>
    <name>Properties</name>
    <message>
        <source>Document properties</source>
        <translation>文件內容</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>標題：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>來源：</translation>
    </message>
    <message>
        <source>Characters:</source>
        <translation>字數：</translation>
    </message>
    <message>
        <source>Added:</source>
        <translation>加入時間：</translation>
    </message>
    <message>
        <source>Published:</source>
        <translation>發布日期：</translation>
    </message>
    <message>
        <source>The text is dated %1. Leave the field empty to use that date.</source>
        <translation>本文標明的日期是 %1。欄位留空即採用這個日期。</translation>
    </message>
    <message>
        <source>The text gives no date of its own. Set the day it was published (YYYY-MM-DD) so that 今天, 昨日 and 去年 in it get their dates; without one they stay undated.</source>
        <translation>本文沒有標明日期。填入發布日期（YYYY-MM-DD），文中的今天、昨日、去年才能換算成日期；不填則不標日期。</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD, e.g. 2025-08-26.</source>
        <translation>請以 YYYY-MM-DD 格式填寫，例如 2025-08-26。</translation>
    </message>
</context>
<context>
    <name>QuestionForm</name>
    <message>
        <source>&amp;Type</source>
        <translation>類型(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Question</source>
        <translation>題目(&amp;Q)</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>P&amp;oints</source>
        <translation>配分(&amp;O)</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>標籤(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Source sentence</source>
        <translation>來源句子(&amp;S)</translation>
    </message>
    <message>
        <source>E&amp;xplanation</source>
        <translation>解說(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;ID</source>
        <translation>ID(&amp;I)</translation>
    </message>
    <message>
        <source>Insert blank ____</source>
        <translation>插入空格 ____</translation>
    </message>
    <message>
        <source>The learner fills in the blank; list every answer you accept below.</source>
        <translation>學習者填入空格；請在下方列出所有可接受的答案。</translation>
    </message>
    <message>
        <source>What the learner is asked</source>
        <translation>要問學習者的內容</translation>
    </message>
    <message>
        <source>Add a choice</source>
        <translation>新增選項</translation>
    </message>
    <message>
        <source>A choice</source>
        <translation>選項</translation>
    </message>
    <message>
        <source>The statement is true (對)</source>
        <translation>此敘述為真（對）</translation>
    </message>
    <message>
        <source>The statement is false (錯)</source>
        <translation>此敘述為假（錯）</translation>
    </message>
    <message>
        <source>Add an accepted answer</source>
        <translation>新增可接受的答案</translation>
    </message>
    <message>
        <source>An answer you accept</source>
        <translation>可接受的答案</translation>
    </message>
    <message>
        <source>Click the round button beside the right choice.</source>
        <translation>請點選正確選項旁的圓形按鈕。</translation>
    </message>
    <message>
        <source>Answers are accepted in either script, full or half width, with or without tone marks.</source>
        <translation>答案不分繁簡字、全形半形，有無聲調符號皆可接受。</translation>
    </message>
    <message>
        <source>Write the items in the right order; learners see them shuffled.</source>
        <translation>請依正確順序填寫項目；學習者看到的會是打亂後的順序。</translation>
    </message>
    <message>
        <source>Each row: an item and what it matches; learners see the right side shuffled.</source>
        <translation>每列：一個項目及其配對內容；學習者看到的右側會被打亂。</translation>
    </message>
    <message>
        <source>Add an item</source>
        <translation>新增項目</translation>
    </message>
    <message>
        <source>Items in the right order</source>
        <translation>依正確順序排列的項目</translation>
    </message>
    <message>
        <source>Add a pair</source>
        <translation>新增配對</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左側</translation>
    </message>
    <message>
        <source>Matches this</source>
        <translation>配對內容</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. event, date</source>
        <translation>以逗號分隔，例如：事件, 日期</translation>
    </message>
    <message>
        <source>The sentence of the text the question checks</source>
        <translation>題目所考查的文本句子</translation>
    </message>
    <message>
        <source>Shown after the answer: why it is right</source>
        <translation>作答後顯示：說明為何正確</translation>
    </message>
    <message>
        <source>A name for the question, unique in the set (results and exports use it)</source>
        <translation>題目名稱，在題組中不可重複（結果與匯出會使用）</translation>
    </message>
    <message>
        <source>Items (in the right order)</source>
        <translation>項目（依正確順序）</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>配對</translation>
    </message>
    <message>
        <source>Choices (mark the right one)</source>
        <translation>選項（標出正確答案）</translation>
    </message>
    <message>
        <source>Accepted answers</source>
        <translation>可接受的答案</translation>
    </message>
</context>
<context>
    <name>QuestionPicker</name>
    <message>
        <source>Add questions from the text</source>
        <translation>從文本新增題目</translation>
    </message>
    <message>
        <source>Tick the questions to add. They are grouped by what they ask; select one to see it with its answer. Questions already in the set are greyed out.</source>
        <translation>勾選要新增的題目。題目依提問內容分組；選取一題即可查看題目與答案。已在題組中的題目會以灰色顯示。</translation>
    </message>
    <message>
        <source>Find questions: a word of the question, its answer or its sentence</source>
        <translation>找題目：題目、答案或原句中的字詞</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>題目</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Already in the set</source>
        <translation>已在題組中</translation>
    </message>
    <message>
        <source>Select a question to see it with its answer.</source>
        <translation>選取題目以查看題目與答案。</translation>
    </message>
    <message numerus="yes">
        <source>Add %n question(s)</source>
        <translation>
            <numerusform>新增 %n 道題目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) the text can give</source>
        <translation>
            <numerusform>文本可產生 %n 道題目</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Quiz</name>
    <message>
        <source>%1 (%2 attempts)</source>
        <translation>%1（%2 次作答）</translation>
    </message>
    <message>
        <source>Scores of whole attempts over time</source>
        <translation>歷次完整作答的分數</translation>
    </message>
    <message>
        <source>pass mark %1%</source>
        <translation>及格分數 %1%</translation>
    </message>
    <message>
        <source>No attempts yet: take a quiz and its score appears here.</source>
        <translation>尚無作答紀錄：進行測驗後，分數會顯示在這裡。</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成時間</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>學習者</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分數</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>用時</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>及格</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>不及格</translation>
    </message>
    <message>
        <source> (time up)</source>
        <translation>（時間到）</translation>
    </message>
    <message>
        <source>retry of wrong ones</source>
        <translation>重做答錯題</translation>
    </message>
    <message>
        <source>whole set</source>
        <translation>整個題組</translation>
    </message>
    <message>
        <source>Export attempts as CSV</source>
        <translation>將作答紀錄匯出為 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 檔案 (*.csv)</translation>
    </message>
    <message>
        <source>Results:</source>
        <translation>結果：</translation>
    </message>
    <message>
        <source>Export attempts as CSV…</source>
        <translation>將作答紀錄匯出為 CSV…</translation>
    </message>
    <message>
        <source>Back to the sets</source>
        <translation>返回題組</translation>
    </message>
    <message>
        <source> (retry of wrong ones)</source>
        <translation>（重做答錯題）</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>選擇題</translation>
    </message>
    <message>
        <source>True or false</source>
        <translation>是非題</translation>
    </message>
    <message>
        <source>Fill the blank</source>
        <translation>填空題</translation>
    </message>
    <message>
        <source>Short answer</source>
        <translation>簡答題</translation>
    </message>
    <message>
        <source>Put in order</source>
        <translation>排序題</translation>
    </message>
    <message>
        <source>Match pairs</source>
        <translation>配對題</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>詞彙</translation>
    </message>
    <message>
        <source>True</source>
        <translation>對</translation>
    </message>
    <message>
        <source>False</source>
        <translation>錯</translation>
    </message>
    <message>
        <source>Choose the right answer:</source>
        <translation>請選出正確答案：</translation>
    </message>
    <message>
        <source>Is this statement true or false?</source>
        <translation>此敘述是對還是錯？</translation>
    </message>
    <message>
        <source>Fill the blank:</source>
        <translation>請填空：</translation>
    </message>
    <message>
        <source>Type the answer:</source>
        <translation>請輸入答案：</translation>
    </message>
    <message>
        <source>Put these in order:</source>
        <translation>請將以下項目排序：</translation>
    </message>
    <message>
        <source>Match each item with its partner:</source>
        <translation>請將每個項目與其對應項配對：</translation>
    </message>
    <message>
        <source>Sets you open appear here.</source>
        <translation>開啟過的題組會顯示在這裡。</translation>
    </message>
    <message>
        <source>Open a document (Library or File → Open) to make a quiz from it.</source>
        <translation>請開啟文件（書庫或 檔案 → 開啟）以製作測驗。</translation>
    </message>
    <message>
        <source>From “%1”: questions on what the text says and on its words.</source>
        <translation>取自「%1」：關於文本內容與詞語的題目。</translation>
    </message>
    <message>
        <source>the open text</source>
        <translation>目前開啟的文本</translation>
    </message>
    <message>
        <source>Choose at least one kind of question.</source>
        <translation>請至少選擇一種題型。</translation>
    </message>
    <message>
        <source>This text has nothing to ask of the kinds chosen; choose more kinds.</source>
        <translation>此文本沒有可出所選題型的題目；請選擇更多題型。</translation>
    </message>
    <message>
        <source>Open a quiz set</source>
        <translation>開啟題組</translation>
    </message>
    <message>
        <source>Quiz sets (*.toml)</source>
        <translation>題組 (*.toml)</translation>
    </message>
    <message>
        <source>Finish or end the quiz you are taking first.</source>
        <translation>請先完成或結束目前進行中的測驗。</translation>
    </message>
    <message>
        <source>This quiz set has no questions.</source>
        <translation>此題組沒有題目。</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>第 %1 題，共 %2 題</translation>
    </message>
    <message>
        <source>Enter: see the score.</source>
        <translation>Enter：查看分數。</translation>
    </message>
    <message>
        <source>Enter: next question.</source>
        <translation>Enter：下一題。</translation>
    </message>
    <message>
        <source>Enter: check the answer.</source>
        <translation>Enter：檢查答案。</translation>
    </message>
    <message>
        <source>Enter: finish the quiz.</source>
        <translation>Enter：完成測驗。</translation>
    </message>
    <message>
        <source>See the score</source>
        <translation>查看分數</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>下一題</translation>
    </message>
    <message>
        <source>Check answer</source>
        <translation>檢查答案</translation>
    </message>
    <message>
        <source>Finish quiz</source>
        <translation>完成測驗</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>%1 of %2 answered</source>
        <translation>已作答 %1 / %2 題</translation>
    </message>
    <message>
        <source>Give an answer first, or press Skip to see the right one.</source>
        <translation>請先作答，或按「略過」查看正確答案。</translation>
    </message>
    <message>
        <source>End the quiz?</source>
        <translation>要結束測驗嗎？</translation>
    </message>
    <message>
        <source>%1 questions have no answer yet and will count as wrong. End the quiz?</source>
        <translation>有 %1 題尚未作答，將視為答錯。要結束測驗嗎？</translation>
    </message>
    <message>
        <source>Right!</source>
        <translation>答對了！</translation>
    </message>
    <message>
        <source>Partly right: %1 of %2 points.</source>
        <translation>部分正確：得 %1 / %2 分。</translation>
    </message>
    <message>
        <source>No answer.</source>
        <translation>沒有作答。</translation>
    </message>
    <message>
        <source>Not quite.</source>
        <translation>不太對。</translation>
    </message>
    <message>
        <source>The syllables are right; check the tones.</source>
        <translation>音節正確；請檢查聲調。</translation>
    </message>
    <message>
        <source>The answer:</source>
        <translation>答案：</translation>
    </message>
    <message>
        <source>From the text:</source>
        <translation>取自文本：</translation>
    </message>
    <message>
        <source>Show in the reader</source>
        <translation>在閱讀器中顯示</translation>
    </message>
    <message>
        <source>Time left %1</source>
        <translation>剩餘時間 %1</translation>
    </message>
    <message>
        <source>The attempt could not be kept in the library: %1</source>
        <translation>無法將此次作答儲存至書庫：%1</translation>
    </message>
    <message>
        <source>Time is up. The quiz ended when the time limit ran out; questions without an answer count as wrong.</source>
        <translation>時間到。測驗已於時限結束時終止；未作答的題目視為答錯。</translation>
    </message>
    <message>
        <source>✓ Passed</source>
        <translation>✓ 及格</translation>
    </message>
    <message>
        <source>Not passed yet</source>
        <translation>尚未及格</translation>
    </message>
    <message>
        <source>%1 — the questions you got wrong</source>
        <translation>%1 — 答錯的題目</translation>
    </message>
    <message>
        <source>(preview: this attempt is not kept)</source>
        <translation>（預覽：不會保存此次作答）</translation>
    </message>
    <message>
        <source>Score %1 of %2 points, %3% — pass mark %4%. %5 of %6 questions right. Time taken: %7.</source>
        <translation>得分 %1 / %2 分，%3% — 及格分數 %4%。答對 %5 / %6 題。用時：%7。</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>題目</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>你的答案</translation>
    </message>
    <message>
        <source>Right answer</source>
        <translation>正確答案</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>配分</translation>
    </message>
    <message>
        <source>Retry the wrong ones (%1)</source>
        <translation>重做答錯題（%1）</translation>
    </message>
    <message>
        <source>Nothing to retry: all right</source>
        <translation>無須重做：全部答對</translation>
    </message>
    <message>
        <source>Select a question to read its explanation.</source>
        <translation>選取題目以閱讀解說。</translation>
    </message>
    <message>
        <source>Take a quiz</source>
        <translation>進行測驗</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>你的姓名：</translation>
    </message>
    <message>
        <source>shown on your results for the teacher</source>
        <translation>會顯示在你提交給老師的結果上</translation>
    </message>
    <message>
        <source>Make a quiz from the open document</source>
        <translation>從目前開啟的文件製作測驗</translation>
    </message>
    <message>
        <source>Questions:</source>
        <translation>題目：</translation>
    </message>
    <message>
        <source>Make and start the quiz</source>
        <translation>製作並開始測驗</translation>
    </message>
    <message>
        <source>Or take a prepared quiz set</source>
        <translation>或選擇現成的題組</translation>
    </message>
    <message>
        <source>Open a quiz set (.toml)…</source>
        <translation>開啟題組 (.toml)…</translation>
    </message>
    <message>
        <source>You can also drop a teacher&apos;s .toml file onto this page.</source>
        <translation>您也可以將老師提供的 .toml 檔案拖放到此頁面。</translation>
    </message>
    <message>
        <source>Recent sets</source>
        <translation>最近使用的題組</translation>
    </message>
    <message>
        <source>Sets that come with Dushu</source>
        <translation>Dushu 內建的題組</translation>
    </message>
    <message>
        <source>Start the selected set</source>
        <translation>開始所選的題組</translation>
    </message>
    <message>
        <source>Double-click a set, or select it and press Start.</source>
        <translation>按兩下題組，或選取後按「開始」。</translation>
    </message>
    <message>
        <source>Results of earlier attempts…</source>
        <translation>先前作答的結果…</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一題</translation>
    </message>
    <message>
        <source>The question before (Page Up)</source>
        <translation>上一題（Page Up）</translation>
    </message>
    <message>
        <source>Skip (show the answer)</source>
        <translation>略過（顯示答案）</translation>
    </message>
    <message>
        <source>End quiz</source>
        <translation>結束測驗</translation>
    </message>
    <message>
        <source>Take the whole set again</source>
        <translation>重新作答整個題組</translation>
    </message>
    <message>
        <source>Results of this set</source>
        <translation>此題組的結果</translation>
    </message>
    <message>
        <source>%1 questions</source>
        <translation>%1 題</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 分鐘</translation>
    </message>
    <message>
        <source>Answers are shown at the end.</source>
        <translation>答案將在最後顯示。</translation>
    </message>
    <message>
        <source>Answers are shown after each question.</source>
        <translation>每題作答後顯示答案。</translation>
    </message>
    <message>
        <source>right answer</source>
        <translation>正確答案</translation>
    </message>
    <message>
        <source>your answer</source>
        <translation>您的答案</translation>
    </message>
    <message>
        <source>Click a choice or press its number (1–%1).</source>
        <translation>按一下選項，或按下其編號（1–%1）。</translation>
    </message>
    <message>
        <source>True (對)</source>
        <translation>對</translation>
    </message>
    <message>
        <source>False (錯)</source>
        <translation>錯</translation>
    </message>
    <message>
        <source>Click True or False, or press T or F (1 or 2).</source>
        <translation>按一下「對」或「錯」，或按 T 或 F（1 或 2）。</translation>
    </message>
    <message>
        <source>Type the word that fills the blank</source>
        <translation>輸入填入空格的詞語</translation>
    </message>
    <message>
        <source>Type your answer</source>
        <translation>輸入您的答案</translation>
    </message>
    <message>
        <source>Type with any input method; width, script and tone marks or numbers do not matter.</source>
        <translation>可使用任何輸入法；全半形、繁簡字體、聲調符號或數字皆不影響。</translation>
    </message>
    <message>
        <source>Drag the items into order, or select one and press Alt+Up / Alt+Down (or Ctrl+Up / Down).</source>
        <translation>將項目拖曳排序，或選取一項後按 Alt+Up / Alt+Down（或 Ctrl+Up / Down）。</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>配對項目</translation>
    </message>
    <message>
        <source>Select an item on the left (Up/Down), then click its partner or press its letter (A, B, C …).</source>
        <translation>在左側選取一個項目（Up/Down），再按一下其配對項目或按下其字母（A、B、C …）。</translation>
    </message>
</context>
<context>
    <name>QuizEditor</name>
    <message>
        <source>Multiple choice</source>
        <translation>選擇題</translation>
    </message>
    <message>
        <source>True or false</source>
        <translation>是非題</translation>
    </message>
    <message>
        <source>Fill in the blank</source>
        <translation>填空題</translation>
    </message>
    <message>
        <source>Short answer</source>
        <translation>簡答題</translation>
    </message>
    <message>
        <source>Put in order</source>
        <translation>排序題</translation>
    </message>
    <message>
        <source>Match pairs</source>
        <translation>配對題</translation>
    </message>
    <message>
        <source>A choice is empty: write it or remove it.</source>
        <translation>有一個選項是空的：請填寫或刪除。</translation>
    </message>
    <message>
        <source>An item is empty: write it or remove it.</source>
        <translation>有一個項目是空的：請填寫或刪除。</translation>
    </message>
    <message>
        <source>An accepted answer is empty: write it or remove it.</source>
        <translation>有一個可接受的答案是空的：請填寫或刪除。</translation>
    </message>
    <message>
        <source>Give at least %1 choices.</source>
        <translation>請至少給 %1 個選項。</translation>
    </message>
    <message>
        <source>Give at least %1 items to put in order.</source>
        <translation>請至少給 %1 個要排序的項目。</translation>
    </message>
    <message>
        <source>Type at least one accepted answer.</source>
        <translation>請至少輸入一個可接受的答案。</translation>
    </message>
    <message>
        <source>“%1” is there twice: the choices must differ.</source>
        <translation>「%1」出現了兩次：選項不可重複。</translation>
    </message>
    <message>
        <source>“%1” is there twice: the items must differ.</source>
        <translation>「%1」出現了兩次：項目不可重複。</translation>
    </message>
    <message>
        <source>Question %1 has this ID already: give this one another.</source>
        <translation>第 %1 題已經用了這個 ID：請給這題另一個。</translation>
    </message>
    <message>
        <source>“%1” is on the left twice: the items must differ.</source>
        <translation>「%1」在左邊出現了兩次：項目不可重複。</translation>
    </message>
    <message>
        <source>Give the question an ID (a short text no other question has).</source>
        <translation>請給這題一個 ID（別的題目沒用過的短文字）。</translation>
    </message>
    <message>
        <source>Choose a question type.</source>
        <translation>請選擇題型。</translation>
    </message>
    <message>
        <source>Write the question.</source>
        <translation>請寫下題目。</translation>
    </message>
    <message>
        <source>Mark the blank with ____ (Insert blank).</source>
        <translation>請用 ____ 標出空格（插入空格）。</translation>
    </message>
    <message>
        <source>Points must be more than 0.</source>
        <translation>分數必須大於 0。</translation>
    </message>
    <message>
        <source>Mark the right choice (the round button beside it).</source>
        <translation>請標出正確的選項（選項旁的圓形按鈕）。</translation>
    </message>
    <message>
        <source>Choose whether the statement is true or false.</source>
        <translation>請選擇這句敘述是對還是錯。</translation>
    </message>
    <message>
        <source>A pair has an empty side: fill in both or remove the pair.</source>
        <translation>有一組配對的一邊是空的：請兩邊都填寫，或刪除這組。</translation>
    </message>
    <message>
        <source>Give at least 2 pairs.</source>
        <translation>請至少給 2 組配對。</translation>
    </message>
    <message>
        <source>Facts and events</source>
        <translation>史實與事件</translation>
    </message>
    <message>
        <source>Terms and abbreviations</source>
        <translation>術語與縮略語</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>詞彙</translation>
    </message>
    <message>
        <source>Answer: {0}</source>
        <translation>答案：{0}</translation>
    </message>
    <message>
        <source>Why: {0}</source>
        <translation>理由：{0}</translation>
    </message>
    <message>
        <source>From the text: {0}</source>
        <translation>出自原文：{0}</translation>
    </message>
    <message>
        <source>New quiz set</source>
        <translation>新增題組</translation>
    </message>
    <message>
        <source>New set</source>
        <translation>新題組</translation>
    </message>
    <message>
        <source>Empty set</source>
        <translation>空白題組</translation>
    </message>
    <message>
        <source>Generated from the open text…</source>
        <translation>從開啟的文本產生…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>開啟…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Save the set as a .toml file (Ctrl+S)</source>
        <translation>將題組儲存為 .toml 檔案（Ctrl+S）</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存新檔…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>復原</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>Moodle GIFT…</source>
        <translation>Moodle GIFT…</translation>
    </message>
    <message>
        <source>Moodle XML…</source>
        <translation>Moodle XML…</translation>
    </message>
    <message>
        <source>CSV spreadsheet…</source>
        <translation>CSV 試算表…</translation>
    </message>
    <message>
        <source>Anki deck…</source>
        <translation>Anki 牌組…</translation>
    </message>
    <message>
        <source>Printable handout (PDF)…</source>
        <translation>可列印講義 (PDF)…</translation>
    </message>
    <message>
        <source>Preview as student</source>
        <translation>以學生身分預覽</translation>
    </message>
    <message>
        <source>Take the set as a learner would, without saving it</source>
        <translation>以學習者身分作答題組，不會儲存</translation>
    </message>
    <message>
        <source>The set</source>
        <translation>題組</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>標題(&amp;T)</translation>
    </message>
    <message>
        <source>Aut&amp;hor</source>
        <translation>作者(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Feedback</source>
        <translation>回饋(&amp;F)</translation>
    </message>
    <message>
        <source>Time &amp;limit</source>
        <translation>時間限制(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Pass mark</source>
        <translation>及格分數(&amp;P)</translation>
    </message>
    <message>
        <source>Shuffle questions</source>
        <translation>隨機排列題目</translation>
    </message>
    <message>
        <source>Shuffle choices</source>
        <translation>隨機排列選項</translation>
    </message>
    <message>
        <source>After each question</source>
        <translation>每題作答後</translation>
    </message>
    <message>
        <source>At the end</source>
        <translation>最後</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限時</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分鐘</translation>
    </message>
    <message>
        <source>Shown to learners and in exports</source>
        <translation>顯示給學習者並包含於匯出內容</translation>
    </message>
    <message>
        <source>Add question</source>
        <translation>新增題目</translation>
    </message>
    <message>
        <source>Add from the text…</source>
        <translation>從文本新增…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Duplicate the question (Ctrl+D)</source>
        <translation>複製題目（Ctrl+D）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Delete the question (Delete); Undo brings it back</source>
        <translation>刪除題目（Delete）；可用「復原」還原</translation>
    </message>
    <message>
        <source>Move up (Ctrl+Up); or drag the question</source>
        <translation>上移（Ctrl+Up）；或拖曳題目</translation>
    </message>
    <message>
        <source>Move down (Ctrl+Down); or drag the question</source>
        <translation>下移（Ctrl+Down）；或拖曳題目</translation>
    </message>
    <message>
        <source>No questions yet. Add one of a type, or add questions from the open text.</source>
        <translation>尚無題目。請新增某種題型的題目，或從開啟的文本新增題目。</translation>
    </message>
    <message>
        <source>Give the set a title.</source>
        <translation>請給題組一個標題。</translation>
    </message>
    <message>
        <source>Add at least one question.</source>
        <translation>請至少加入一題。</translation>
    </message>
    <message>
        <source>Question {0}: {1}</source>
        <translation>第 {0} 題：{1}</translation>
    </message>
    <message>
        <source>Unsaved quiz set</source>
        <translation>未儲存的題組</translation>
    </message>
    <message>
        <source>The quiz set “{0}” has changes that are not saved.</source>
        <translation>題組「{0}」有尚未儲存的變更。</translation>
    </message>
    <message>
        <source>Save them before going on?</source>
        <translation>要先儲存再繼續嗎？</translation>
    </message>
    <message>
        <source>The text gives nothing to ask about (no dated events, terms, people or words).</source>
        <translation>此文本沒有可出題的內容（沒有附日期的事件、術語、人物或詞語）。</translation>
    </message>
    <message numerus="yes">
        <source>Generated %n question(s) from “{0}”.</source>
        <translation>
            <numerusform>已從「{0}」產生 %n 道題目。</numerusform>
        </translation>
    </message>
    <message>
        <source>add a question</source>
        <translation>新增題目</translation>
    </message>
    <message>
        <source>add questions</source>
        <translation>新增多道題目</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Deleted question {0} “{1}”. Undo brings it back.</source>
        <translation>已刪除第 {0} 題「{1}」。可用「復原」還原。</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>move</source>
        <translation>移動</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>沒有可復原的動作。</translation>
    </message>
    <message>
        <source>Undid: {0}.</source>
        <translation>已復原：{0}。</translation>
    </message>
    <message>
        <source>Open a text in the reader first: its facts, terms, people and words give the questions.</source>
        <translation>請先在閱讀器中開啟文本：題目取自其中的史實、術語、人物與詞語。</translation>
    </message>
    <message numerus="yes">
        <source>Added %n question(s) from the text.</source>
        <translation>
            <numerusform>已從文本新增 %n 道題目。</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a quiz set</source>
        <translation>開啟題組</translation>
    </message>
    <message>
        <source>Quiz sets (*.toml);;All files (*)</source>
        <translation>題組 (*.toml);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>The set cannot be saved yet</source>
        <translation>題組尚無法儲存</translation>
    </message>
    <message>
        <source>Save the quiz set</source>
        <translation>儲存題組</translation>
    </message>
    <message>
        <source>Quiz sets (*.toml)</source>
        <translation>題組 (*.toml)</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>已儲存 {0}。</translation>
    </message>
    <message>
        <source>The set cannot be exported yet</source>
        <translation>題組尚無法匯出</translation>
    </message>
    <message>
        <source>Moodle GIFT (*.gift.txt *.txt)</source>
        <translation>Moodle GIFT (*.gift.txt *.txt)</translation>
    </message>
    <message>
        <source>Moodle XML (*.xml)</source>
        <translation>Moodle XML (*.xml)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Anki package (*.apkg)</source>
        <translation>Anki 套件 (*.apkg)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export the quiz set</source>
        <translation>匯出題組</translation>
    </message>
    <message>
        <source>Exported {0}.</source>
        <translation>已匯出 {0}。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分數</translation>
    </message>
    <message>
        <source>points</source>
        <translation>分</translation>
    </message>
    <message>
        <source>point</source>
        <translation>分</translation>
    </message>
    <message>
        <source>對 (true)</source>
        <translation>對</translation>
    </message>
    <message>
        <source>錯 (false)</source>
        <translation>錯</translation>
    </message>
    <message>
        <source>Write 1, 2, 3 … in the brackets to put them in order.</source>
        <translation>在括號內填入 1、2、3 … 以排列順序。</translation>
    </message>
    <message>
        <source>Write the letter of the matching item in the brackets beside each number.</source>
        <translation>在每個編號旁的括號內填入相配對項目的字母。</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Answer key</source>
        <translation>解答</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>說明</translation>
    </message>
    <message>
        <source>From the text</source>
        <translation>出自文本</translation>
    </message>
    <message>
        <source>The set cannot be previewed yet</source>
        <translation>題組尚無法預覽</translation>
    </message>
    <message>
        <source>Question {0} of {1} · {2}</source>
        <translation>第 {0} 題，共 {1} 題 · {2}</translation>
    </message>
    <message>
        <source>typing in question {0}</source>
        <translation>正在輸入第 {0} 題</translation>
    </message>
    <message>
        <source>(no question written yet)</source>
        <translation>（尚未撰寫題目）</translation>
    </message>
    <message numerus="yes">
        <source>Questions: %n, points: {0}</source>
        <translation>
            <numerusform>題數：%n，總分：{0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… 還有 %n 項</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n problem(s) to fix before saving:</source>
        <translation>
            <numerusform>⚠ 儲存前有 %n 個問題需要修正：</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ The set is ready to save, export and preview.</source>
        <translation>✓ 題組已可儲存、匯出及預覽。</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>尚未儲存</translation>
    </message>
    <message>
        <source>unsaved changes</source>
        <translation>有未儲存的變更</translation>
    </message>
    <message>
        <source>Open a text in the reader to add questions from it.</source>
        <translation>在閱讀器中開啟文本，即可從中新增題目。</translation>
    </message>
    <message>
        <source>Choose questions the open text gives: facts, terms, people, words</source>
        <translation>選擇開啟的文本可提供的題目：史實、術語、人物、詞語</translation>
    </message>
    <message>
        <source>Generate a quiz set</source>
        <translation>產生題組</translation>
    </message>
    <message>
        <source>How many questions?</source>
        <translation>要產生幾道題目？</translation>
    </message>
    <message>
        <source>Fix these first (the list marks each question with a problem):</source>
        <translation>請先修正以下問題（清單中有問題的題目皆已標示）：</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 頁，共 %2 頁</translation>
    </message>
    <message>
        <source>◀ Previous page</source>
        <translation>◀ 上一頁</translation>
    </message>
    <message>
        <source>Next page ▶</source>
        <translation>下一頁 ▶</translation>
    </message>
    <message>
        <source>Ctrl+Page Up</source>
        <translation>Ctrl+Page Up</translation>
    </message>
    <message>
        <source>Ctrl+Page Down</source>
        <translation>Ctrl+Page Down</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>This document states no facts that can be asked.</source>
        <translation>這篇文章沒有可以提問的事實。</translation>
    </message>
    <message>
        <source>Added %1 facts to review; %2 were there already.</source>
        <translation>已加入 %1 項事實到複習；另有 %2 項原本就在。</translation>
    </message>
    <message>
        <source>None of this document&apos;s words is in your deck yet. Mark words as Learning in the reader or the Vocabulary tab; they then join the review by themselves.</source>
        <translation>這篇文章的詞還沒有一個在你的牌組裡。在閱讀或詞彙分頁把詞標為「學習中」，它們就會自動加入複習。</translation>
    </message>
    <message>
        <source>Added %1 deck words to review; %2 were there already.</source>
        <translation>已加入 %1 個牌組詞到複習；另有 %2 個原本就在。</translation>
    </message>
    <message>
        <source>Start review (%1)</source>
        <translation>開始複習 (%1)</translation>
    </message>
    <message>
        <source>Nothing due now</source>
        <translation>現在沒有要複習的</translation>
    </message>
    <message>
        <source>From “%1”</source>
        <translation>出自「%1」</translation>
    </message>
    <message>
        <source>Open a document first</source>
        <translation>請先打開一篇文章</translation>
    </message>
    <message>
        <source>Nothing to review yet. Open a text and press “Add this document&apos;s facts”, or put words in your deck (mark them Learning in the reader or the Vocabulary tab) and press “Add deck words”. Dushu then shows each item again just before you would forget it.</source>
        <translation>還沒有要複習的項目。打開一篇文章並按「加入這篇文章的事實」，或把詞放進牌組（在閱讀或詞彙分頁標為「學習中」）再按「加入牌組的詞」。之後 Dushu 會在你快要忘記前再讓你複習每一項。</translation>
    </message>
    <message>
        <source>All done for today. More new items come in tomorrow.</source>
        <translation>今天的都完成了。明天還有新項目。</translation>
    </message>
    <message>
        <source>All done for today.</source>
        <translation>今天的都完成了。</translation>
    </message>
    <message>
        <source>All done for now. The next item is due %1.</source>
        <translation>目前都完成了。下一項%1到期。</translation>
    </message>
    <message>
        <source>Reviews per day (last 30 days)</source>
        <translation>每天的複習次數（最近 30 天）</translation>
    </message>
    <message>
        <source>No reviews yet: the reviews you do show up here, day by day.</source>
        <translation>還沒有複習紀錄：你的複習會按天顯示在這裡。</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新的</translation>
    </message>
    <message>
        <source>Learning</source>
        <translation>學習中</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>複習</translation>
    </message>
    <message>
        <source>Relearning</source>
        <translation>重新學習</translation>
    </message>
    <message>
        <source>Items by state</source>
        <translation>各狀態的項目</translation>
    </message>
    <message>
        <source>Finding this document&apos;s facts…</source>
        <translation>正在找出這篇文章的事實…</translation>
    </message>
    <message>
        <source>seen before, due now</source>
        <translation>複習過、現在到期</translation>
    </message>
    <message>
        <source>new for today (%1 new in all)</source>
        <translation>今天的新項目（共 %1 個新項目）</translation>
    </message>
    <message>
        <source>new for today</source>
        <translation>今天的新項目</translation>
    </message>
    <message>
        <source>items in all (%1 suspended)</source>
        <translation>項目總數（%1 個暫停）</translation>
    </message>
    <message>
        <source>items in all</source>
        <translation>項目總數</translation>
    </message>
    <message>
        <source>Items you have reviewed before whose time to come back has come.</source>
        <translation>複習過、現在又到了該再看的項目。</translation>
    </message>
    <message>
        <source>Items you have never reviewed. At most %1 new ones come in a day, so that a whole text does not arrive at once.</source>
        <translation>從未複習過的項目。每天最多加入 %1 個新項目，免得整篇文章一次湧來。</translation>
    </message>
    <message>
        <source>Every item you have added: new ones, ones you are learning, and suspended ones (words marked known, items you chose not to review).</source>
        <translation>你加入的所有項目：新的、學習中的，以及暫停的（標為已會的詞、你選擇不再複習的項目）。</translation>
    </message>
    <message>
        <source>Keys: Space shows the answer; 1 Again, 2 Hard, 3 Good, 4 Easy; S takes the item out of the review; Esc ends.</source>
        <translation>按鍵：空白鍵顯示答案；1 重來、2 困難、3 良好、4 簡單；S 把項目移出複習；Esc 結束。</translation>
    </message>
    <message>
        <source>No items in review.</source>
        <translation>沒有在複習中的項目。</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>記住率</translation>
    </message>
    <message>
        <source>Retention: %1% of answers were not “Again”</source>
        <translation>記住率：%1% 的回答不是「重來」</translation>
    </message>
    <message>
        <source>aim 90%</source>
        <translation>目標 90%</translation>
    </message>
    <message>
        <source>How often you remembered, once you have reviewed.</source>
        <translation>複習之後，這裡會顯示你記住的比例。</translation>
    </message>
    <message>
        <source>“%1” will not come again. Items… on the overview brings it back whenever you like.</source>
        <translation>「%1」不會再出現。隨時可在總覽的「項目…」中放回。</translation>
    </message>
    <message>
        <source>%1 left · %2 done</source>
        <translation>還剩 %1 · 已完成 %2</translation>
    </message>
    <message>
        <source>Its reading and meaning?</source>
        <translation>讀音和意思是甚麼？</translation>
    </message>
    <message>
        <source>(no meaning stored)</source>
        <translation>（沒有存下意思）</translation>
    </message>
    <message>
        <source>Well done: %1 reviewed.</source>
        <translation>做得好：複習了 %1 項。</translation>
    </message>
    <message>
        <source>Nothing is due now.</source>
        <translation>現在沒有到期的項目。</translation>
    </message>
    <message>
        <source>Add this document&apos;s facts</source>
        <translation>加入這篇文章的事實</translation>
    </message>
    <message>
        <source>Add deck words</source>
        <translation>加入牌組的詞</translation>
    </message>
    <message>
        <source>Items…</source>
        <translation>項目…</translation>
    </message>
    <message>
        <source>Every item in your review: suspend, resume, reset or remove them.</source>
        <translation>複習中的所有項目：暫停、恢復、重設或移除。</translation>
    </message>
    <message>
        <source>End review (Esc)</source>
        <translation>結束複習 (Esc)</translation>
    </message>
    <message>
        <source>Don&apos;t review this again (S)</source>
        <translation>不再複習這項 (S)</translation>
    </message>
    <message>
        <source>Takes this item out of the review (its progress is kept). Undo brings it back at once; later, Items… on the overview does.</source>
        <translation>把這個項目移出複習（進度會保留）。「復原」可立刻放回；之後可在總覽的「項目…」中放回。</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>復原 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Show answer (Space)</source>
        <translation>顯示答案（空白鍵）</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>重來</translation>
    </message>
    <message>
        <source>Hard</source>
        <translation>困難</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Easy</source>
        <translation>簡單</translation>
    </message>
    <message>
        <source>Back to the overview</source>
        <translation>回到總覽</translation>
    </message>
    <message>
        <source>Items suspended: %1. Resume brings them back.</source>
        <translation>已暫停的項目：%1。按「恢復」可放回。</translation>
    </message>
    <message>
        <source>Items back in the review: %1.</source>
        <translation>已放回複習的項目：%1。</translation>
    </message>
    <message>
        <source>Reset the progress of the selected items (%1)? They start again as new items; the reviews you did stay in the statistics.</source>
        <translation>要重設選取項目（%1 個）的進度嗎？它們會重新成為新項目；你做過的複習仍留在統計中。</translation>
    </message>
    <message>
        <source>Items reset, new again: %1.</source>
        <translation>已重設為新項目：%1。</translation>
    </message>
    <message>
        <source>Remove the selected items (%1) from the review? Their progress and history are deleted. Adding the document&apos;s facts or your deck words again brings them back as new items; Suspend keeps them instead.</source>
        <translation>要從複習中移除選取的項目（%1 個）嗎？它們的進度和紀錄都會刪除。再次加入文章的事實或牌組的詞，會讓它們以新項目回來；「暫停」則會保留它們。</translation>
    </message>
    <message>
        <source>Items removed: %1.</source>
        <translation>已移除的項目：%1。</translation>
    </message>
    <message>
        <source>now</source>
        <translation>現在</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Suspended: not shown until you resume it.</source>
        <translation>已暫停：恢復之前不會出現。</translation>
    </message>
    <message>
        <source>New items come in at most %1 a day, in the order they were added.</source>
        <translation>新項目每天最多加入 %1 個，依加入的順序。</translation>
    </message>
    <message>
        <source>No items yet.</source>
        <translation>還沒有項目。</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 個項目</translation>
    </message>
    <message>
        <source>%1 of %2 items shown</source>
        <translation>顯示 %2 個項目中的 %1 個</translation>
    </message>
    <message>
        <source>Review items</source>
        <translation>複習項目</translation>
    </message>
    <message>
        <source>Filter: a word, a question, an answer, a document&apos;s title…</source>
        <translation>篩選：詞、問題、答案、文章標題…</translation>
    </message>
    <message>
        <source>Word or question</source>
        <translation>詞或問題</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>下次到期</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已暫停</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>暫停</translation>
    </message>
    <message>
        <source>Take the selected items out of the review; their progress is kept.</source>
        <translation>把選取的項目移出複習；進度會保留。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢復</translation>
    </message>
    <message>
        <source>Bring the selected items back into the review.</source>
        <translation>把選取的項目放回複習。</translation>
    </message>
    <message>
        <source>Reset progress…</source>
        <translation>重設進度…</translation>
    </message>
    <message>
        <source>Start the selected items again as new items.</source>
        <translation>把選取的項目當作新項目重新開始。</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Delete the selected items from the review, with their history.</source>
        <translation>從複習中刪除選取的項目及其紀錄。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>in %1 min</source>
        <translation>%1 分鐘後</translation>
    </message>
    <message>
        <source>in %1 h</source>
        <translation>%1 小時後</translation>
    </message>
    <message>
        <source>in 1 day</source>
        <translation>1 天後</translation>
    </message>
    <message>
        <source>in %1 days</source>
        <translation>%1 天後</translation>
    </message>
    <message>
        <source>in 1 month</source>
        <translation>1 個月後</translation>
    </message>
    <message>
        <source>in %1 months</source>
        <translation>%1 個月後</translation>
    </message>
    <message>
        <source>in 1 year</source>
        <translation>1 年後</translation>
    </message>
    <message>
        <source>in %1 years</source>
        <translation>%1 年後</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <source>Pinyin with tone numbers</source>
        <translation>數字標調拼音</translation>
    </message>
    <message>
        <source>Zhuyin (bopomofo)</source>
        <translation>注音符號</translation>
    </message>
    <message>
        <source>No readings</source>
        <translation>不顯示讀音</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Colour each syllable by its tone</source>
        <translation>依聲調為每個音節上色</translation>
    </message>
    <message>
        <source>Show tone changes in speech (一, 不, third tones)</source>
        <translation>顯示口語中的變調（一、不、三聲）</translation>
    </message>
    <message>
        <source>Readings show how the words are said (一個 yí gè, 你好 ní hǎo); the dictionary and your cards keep the written tones.</source>
        <translation>讀音會顯示實際的唸法（一個 yí gè、你好 ní hǎo）；詞典和卡片仍保留原本的聲調。</translation>
    </message>
    <message>
        <source>Automatic (best Chinese font)</source>
        <translation>自動（最合適的中文字型）</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <source>Readings above the text:</source>
        <translation>文字上方的讀音：</translation>
    </message>
    <message>
        <source>Chinese font:</source>
        <translation>中文字型：</translation>
    </message>
    <message>
        <source>Text size:</source>
        <translation>文字大小：</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>介面語言：</translation>
    </message>
    <message>
        <source>Changes apply at once and are remembered.</source>
        <translation>變更會立即套用並保存。</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Word</source>
        <translation>詞</translation>
    </message>
    <message>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <source>Zhuyin</source>
        <translation>注音</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>釋義</translation>
    </message>
    <message>
        <source>HSK</source>
        <translation>HSK</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次數</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Your meaning (double-click to edit)</source>
        <translation>你的釋義（按兩下可編輯）</translation>
    </message>
    <message>
        <source>In its first sentence: %1</source>
        <translation>首次出現的句子：%1</translation>
    </message>
    <message>
        <source>known</source>
        <translation>已會</translation>
    </message>
    <message>
        <source>learning</source>
        <translation>學習中</translation>
    </message>
    <message>
        <source>new</source>
        <translation>生詞</translation>
    </message>
    <message>
        <source>%1 words · %2 learning · %3 known · %4 shown</source>
        <translation>共 %1 個詞 · %2 個學習中 · %3 個已會 · 顯示 %4 個</translation>
    </message>
    <message>
        <source>Add to deck</source>
        <translation>加入牌組</translation>
    </message>
    <message>
        <source>Mark as known</source>
        <translation>標為已會</translation>
    </message>
    <message>
        <source>Mark as new</source>
        <translation>標為生詞</translation>
    </message>
    <message>
        <source>Edit meaning</source>
        <translation>編輯釋義</translation>
    </message>
    <message>
        <source>Show in the text</source>
        <translation>在文中顯示</translation>
    </message>
    <message>
        <source>Quiz questions on this word…</source>
        <translation>用這個詞出題…</translation>
    </message>
    <message>
        <source>Search words, pinyin or meanings</source>
        <translation>搜尋詞、拼音或釋義</translation>
    </message>
    <message>
        <source>Hide known words</source>
        <translation>隱藏已會的詞</translation>
    </message>
    <message>
        <source>HSK level at least:</source>
        <translation>HSK 級別至少：</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Words not on the HSK list are always shown</source>
        <translation>不在 HSK 詞表上的詞一律顯示</translation>
    </message>
    <message>
        <source>Add to deck (D)</source>
        <translation>加入牌組 (D)</translation>
    </message>
    <message>
        <source>Mark known (K)</source>
        <translation>標為已會 (K)</translation>
    </message>
    <message>
        <source>Mark new (N)</source>
        <translation>標為生詞 (N)</translation>
    </message>
</context>
<context>
    <name>WordPanel</name>
    <message>
        <source>not in HSK</source>
        <translation>不在 HSK 詞表</translation>
    </message>
    <message>
        <source>HSK 7–9</source>
        <translation>HSK 7–9 級</translation>
    </message>
    <message>
        <source>HSK %1</source>
        <translation>HSK %1 級</translation>
    </message>
    <message>
        <source>very common</source>
        <translation>非常常用</translation>
    </message>
    <message>
        <source>common</source>
        <translation>常用</translation>
    </message>
    <message>
        <source>less common</source>
        <translation>較少用</translation>
    </message>
    <message>
        <source>rare</source>
        <translation>罕用</translation>
    </message>
    <message>
        <source>not in the frequency list</source>
        <translation>不在詞頻表中</translation>
    </message>
    <message>
        <source>Traditional: %1</source>
        <translation>繁體：%1</translation>
    </message>
    <message>
        <source>Simplified: %1</source>
        <translation>簡體：%1</translation>
    </message>
    <message>
        <source>once in this text</source>
        <translation>本文出現一次</translation>
    </message>
    <message>
        <source>%1 times in this text</source>
        <translation>本文出現 %1 次</translation>
    </message>
    <message>
        <source>name</source>
        <translation>專有名詞</translation>
    </message>
    <message>
        <source>a person, mentioned %2 times in this text</source>
        <translation>人物，在此文本中出現 %2 次</translation>
    </message>
    <message>
        <source>a person, mentioned once in this text</source>
        <translation>人物，在此文本中出現一次</translation>
    </message>
    <message>
        <source>part of the name %1, a person mentioned %2 times in this text</source>
        <translation>人名 %1 的一部分，此人物在此文本中出現 %2 次</translation>
    </message>
    <message>
        <source>part of the name %1, a person mentioned once in this text</source>
        <translation>人名 %1 的一部分，此人物在此文本中出現一次</translation>
    </message>
    <message>
        <source>Your meaning</source>
        <translation>你的釋義</translation>
    </message>
    <message>
        <source>In this sentence</source>
        <translation>本句中的意思</translation>
    </message>
    <message>
        <source>No dictionary entry for this word.</source>
        <translation>詞典裡沒有這個詞。</translation>
    </message>
    <message>
        <source>Not in the dictionary as one word; its parts:</source>
        <translation>詞典裡沒有這整個詞；各部分的意思：</translation>
    </message>
    <message>
        <source>name list</source>
        <translation>專名表</translation>
    </message>
    <message>
        <source>Other occurrences (%1)</source>
        <translation>其他出現處（%1）</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>還有 %1 處</translation>
    </message>
    <message>
        <source>This is the only one.</source>
        <translation>只出現這一次。</translation>
    </message>
    <message>
        <source>✓ In your deck</source>
        <translation>✓ 已在牌組</translation>
    </message>
    <message>
        <source>Add to deck</source>
        <translation>加入牌組</translation>
    </message>
    <message>
        <source>✓ Known</source>
        <translation>✓ 已會</translation>
    </message>
    <message>
        <source>I know this</source>
        <translation>我會這個詞</translation>
    </message>
    <message>
        <source>Click a word in the text to see its readings, every meaning and where else it appears.

Arrow keys move from word to word.</source>
        <translation>點一下文中的詞，就能看到它的讀音、所有釋義，以及它在文中還出現在哪裡。

用方向鍵可以逐詞移動。</translation>
    </message>
    <message>
        <source>Words in your deck go into the Anki export (D)</source>
        <translation>牌組裡的詞會匯出到 Anki (D)</translation>
    </message>
    <message>
        <source>Known words are left out of the deck (K)</source>
        <translation>已會的詞不會放進牌組 (K)</translation>
    </message>
    <message>
        <source>Merge with next word</source>
        <translation>與下一個詞合併</translation>
    </message>
    <message>
        <source>This word and the next are one word: keep them together from now on</source>
        <translation>這個詞和下一個其實是一個詞：從現在起合在一起</translation>
    </message>
    <message>
        <source>Split word</source>
        <translation>拆開這個詞</translation>
    </message>
    <message>
        <source>This is not one word: split it from now on</source>
        <translation>這不是一個詞：從現在起拆開</translation>
    </message>
    <message>
        <source>Edit meaning…</source>
        <translation>編輯釋義…</translation>
    </message>
</context>
<context>
    <name>owner</name>
    <message>
        <source>This is the right answer</source>
        <translation>這是正確答案</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Remove this row</source>
        <translation>移除此列</translation>
    </message>
</context>
</TS>
