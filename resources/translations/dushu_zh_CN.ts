<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Export</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Anki deck (.apkg)</source>
        <translation>Anki 牌组 (.apkg)</translation>
    </message>
    <message>
        <source>Spreadsheet (.csv)</source>
        <translation>电子表格 (.csv)</translation>
    </message>
    <message>
        <source>Word list for Pleco (.tsv)</source>
        <translation>Pleco 词表 (.tsv)</translation>
    </message>
    <message>
        <source>Vocabulary cards (word ↔ meaning)</source>
        <translation>词汇卡（词 ↔ 释义）</translation>
    </message>
    <message>
        <source>Fact cards (dates, terms, people)</source>
        <translation>事实卡（日期、术语、人物）</translation>
    </message>
    <message>
        <source>Fill-in-the-blank sentences</source>
        <translation>填空句</translation>
    </message>
    <message>
        <source>Only the words I added to my deck (%1)</source>
        <translation>只导出我加入牌组的词（%1 个）</translation>
    </message>
    <message>
        <source>Every word except the ones I know (%1 known words skipped)</source>
        <translation>所有的词，但跳过我已会的（跳过 %1 个）</translation>
    </message>
    <message>
        <source>keep every level</source>
        <translation>保留所有级别</translation>
    </message>
    <message>
        <source>skip words below HSK %1</source>
        <translation>跳过 HSK %1 级以下的词</translation>
    </message>
    <message>
        <source>only HSK 7–9 and unlisted words</source>
        <translation>只要 HSK 7–9 级和不在词表上的词</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Deck name:</source>
        <translation>牌组名称：</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>保存为：</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>包含</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>词汇</translation>
    </message>
    <message>
        <source>HSK levels:</source>
        <translation>HSK 级别：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Anki packages (*.apkg)</source>
        <translation>Anki 包 (*.apkg)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Tab-separated files (*.tsv *.txt)</source>
        <translation>制表符分隔文件 (*.tsv *.txt)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>请选择导出文件的保存位置。</translation>
    </message>
    <message>
        <source>Choose at least one kind of card to include.</source>
        <translation>请至少选择一种卡片。</translation>
    </message>
    <message>
        <source>Your deck has no words from this text yet. Add words with “Add to deck”, or choose every word except the known ones.</source>
        <translation>你的牌组里还没有这篇文章的词。请用“加入牌组”加入，或改选“所有的词，但跳过我已会的”。</translation>
    </message>
    <message>
        <source>That is a folder; give a file name.</source>
        <translation>这是文件夹，请输入文件名。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>导出中…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Saved %1 notes to %2.</source>
        <translation>已将 %1 条笔记保存到 %2。</translation>
    </message>
    <message>
        <source>%1 known words were left out.</source>
        <translation>已跳过 %1 个已会的词。</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>已取消导出，没有写入任何文件。</translation>
    </message>
</context>
<context>
    <name>Facts</name>
    <message>
        <source>organisation</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>协定</translation>
    </message>
    <message>
        <source>document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>mechanism</source>
        <translation>机制</translation>
    </message>
    <message>
        <source>term</source>
        <translation>术语</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>预定</translation>
    </message>
    <message>
        <source>Not dated (%1) — in the order of the text</source>
        <translation>无日期（%1）— 依文本顺序</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>As written</source>
        <translation>原文写法</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>主体</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>术语</translation>
    </message>
    <message>
        <source>Abbreviation</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>提及次数</translation>
    </message>
    <message>
        <source>Date (YYYY, YYYY-MM or YYYY-MM-DD)</source>
        <translation>日期（YYYY、YYYY-MM 或 YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Until (for a range; may stay empty)</source>
        <translation>至（日期范围；可留空）</translation>
    </message>
    <message>
        <source>Date as written</source>
        <translation>原文的日期写法</translation>
    </message>
    <message>
        <source>Who or what acted</source>
        <translation>行动者</translation>
    </message>
    <message>
        <source>Summary (read on its own)</source>
        <translation>摘要（可独立阅读）</translation>
    </message>
    <message>
        <source>As the text says it</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Scheduled, not yet happened</source>
        <translation>预定，尚未发生</translation>
    </message>
    <message>
        <source>Sentence number</source>
        <translation>句子编号</translation>
    </message>
    <message>
        <source>Members (comma separated)</source>
        <translation>成员（用逗号分隔）</translation>
    </message>
    <message>
        <source>First sentence number</source>
        <translation>首次出现的句子编号</translation>
    </message>
    <message>
        <source>No dated events were found in this text. Use Add to write one.</source>
        <translation>这篇文章里没有找到有日期的事件。可以点“新增”自己加入。</translation>
    </message>
    <message>
        <source>No terms or abbreviations were found. Use Add to write one.</source>
        <translation>没有找到术语或简称。可以点“新增”自己加入。</translation>
    </message>
    <message>
        <source>No people were found in this text. Use Add to write one.</source>
        <translation>这篇文章里没有找到人物。可以点“新增”自己加入。</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Show in the text</source>
        <translation>在文中显示</translation>
    </message>
    <message>
        <source>Quiz questions on it…</source>
        <translation>出题…</translation>
    </message>
    <message>
        <source>Choose questions on this row for the quiz set in the Quiz Editor tab</source>
        <translation>在「题组编辑器」分页中为这一列挑选题目</translation>
    </message>
    <message>
        <source>Timeline (%1)</source>
        <translation>时间线（%1）</translation>
    </message>
    <message>
        <source>Glossary (%1)</source>
        <translation>术语表（%1）</translation>
    </message>
    <message>
        <source>People (%1)</source>
        <translation>人物（%1）</translation>
    </message>
    <message>
        <source>You have edited these facts; your version is kept.</source>
        <translation>你修改过这些资料，会保留你的版本。</translation>
    </message>
    <message>
        <source>Restore the facts found in the text</source>
        <translation>还原为文中找到的资料</translation>
    </message>
</context>
<context>
    <name>Fonts</name>
    <message>
        <source>No font with Chinese characters is installed, so the text would show as empty boxes. Install one (for example the package fonts-noto-cjk) and start Dushu again.</source>
        <translation>系统没有安装中文字体，文字会显示成空白方框。请安装一套中文字体（例如 fonts-noto-cjk 软件包），再重新启动 Dushu。</translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>已读</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>字数</translation>
    </message>
    <message>
        <source>Last opened</source>
        <translation>上次打开</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>加入时间</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>pasted text</source>
        <translation>粘贴的文字</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Remove “%1” from the library? Your edits of its facts go with it.</source>
        <translation>要从书库移除“%1”吗？你对它的资料所做的修改也会一并删除。</translation>
    </message>
    <message>
        <source>Remove document</source>
        <translation>移除文档</translation>
    </message>
    <message>
        <source>Your documents</source>
        <translation>你的文档</translation>
    </message>
    <message>
        <source>Everything you open is kept here with the place where you stopped reading. You can also drop a text file on the window.</source>
        <translation>你打开过的文章都保存在这里，并记得你读到哪里。也可以直接把文本文件拖放到窗口上。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Open a file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>Paste text…</source>
        <translation>粘贴文字…</translation>
    </message>
    <message>
        <source>Paste text</source>
        <translation>粘贴文字</translation>
    </message>
    <message>
        <source>Taken from the first line if left empty</source>
        <translation>留空则使用第一行</translation>
    </message>
    <message>
        <source>Paste a Chinese text here</source>
        <translation>在这里粘贴中文文章</translation>
    </message>
    <message>
        <source>Start reading</source>
        <translation>开始阅读</translation>
    </message>
    <message>
        <source>Properties…</source>
        <translation>属性…</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Opening the dictionary…</source>
        <translation>正在打开词典…</translation>
    </message>
    <message>
        <source>Building the dictionary index (first start only)…</source>
        <translation>正在建立词典索引（只有第一次启动需要）…</translation>
    </message>
    <message>
        <source>The dictionary could not be opened: %1</source>
        <translation>无法打开词典：%1</translation>
    </message>
    <message>
        <source>The dictionary could not be opened.</source>
        <translation>无法打开词典。</translation>
    </message>
    <message>
        <source>Dushu sample text</source>
        <translation>Dushu 示例文章</translation>
    </message>
    <message>
        <source>Open a text</source>
        <translation>打开文章</translation>
    </message>
    <message>
        <source>Text files (%1);;All files (*)</source>
        <translation>文本文件 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>The text is empty.</source>
        <translation>文字是空的。</translation>
    </message>
    <message>
        <source>That document is no longer in the library.</source>
        <translation>书库里已经没有这份文档。</translation>
    </message>
    <message>
        <source>Opening the dictionary… “%1” will appear in a moment.</source>
        <translation>正在打开词典……“%1”马上就会出现。</translation>
    </message>
    <message>
        <source>Reading “%1”…</source>
        <translation>正在处理“%1”…</translation>
    </message>
    <message>
        <source>Finding vocabulary…</source>
        <translation>正在整理词汇…</translation>
    </message>
    <message>
        <source>Finding facts…</source>
        <translation>正在找出事实…</translation>
    </message>
    <message>
        <source>This text could not be analysed.</source>
        <translation>无法分析这篇文章。</translation>
    </message>
    <message>
        <source>%1 characters · %2 different words</source>
        <translation>%1 字 · %2 个不同的词</translation>
    </message>
    <message>
        <source>Open a text from the Library, a file, or paste one.</source>
        <translation>从书库打开文章、打开文件，或粘贴一段文字。</translation>
    </message>
    <message>
        <source>Edit meaning…</source>
        <translation>编辑释义…</translation>
    </message>
    <message>
        <source>Copy word</source>
        <translation>复制这个词</translation>
    </message>
    <message>
        <source>Select a word in the text first.</source>
        <translation>请先在文中选一个词。</translation>
    </message>
    <message>
        <source>Marked as known: %1</source>
        <translation>已标为已会：%1</translation>
    </message>
    <message>
        <source>Added to your deck: %1</source>
        <translation>已加入牌组：%1</translation>
    </message>
    <message>
        <source>Marked as new: %1</source>
        <translation>已标为生词：%1</translation>
    </message>
    <message>
        <source>Edit meaning</source>
        <translation>编辑释义</translation>
    </message>
    <message>
        <source>Meaning of %1 (leave empty to use the dictionary&apos;s):</source>
        <translation>“%1”的释义（留空则使用词典的释义）：</translation>
    </message>
    <message>
        <source>Only two neighbouring Chinese words can be merged.</source>
        <translation>只能合并两个相邻的中文词。</translation>
    </message>
    <message>
        <source>“%1” is now one word, here and in every text.</source>
        <translation>“%1”现在是一个词，这篇和以后每篇文章都是。</translation>
    </message>
    <message>
        <source>A single character cannot be split.</source>
        <translation>单个字无法拆开。</translation>
    </message>
    <message>
        <source>“%1” is split from now on, here and in every text.</source>
        <translation>从现在起，“%1”在这篇和每篇文章里都会拆开。</translation>
    </message>
    <message>
        <source>Open a text first; the export is made from it.</source>
        <translation>请先打开一篇文章，导出的内容来自这篇文章。</translation>
    </message>
    <message>
        <source>The text is still being analysed; export it in a moment.</source>
        <translation>文章仍在分析中，请稍后再导出。</translation>
    </message>
    <message>
        <source>Sending to Anki…</source>
        <translation>正在发送到 Anki…</translation>
    </message>
    <message>
        <source>Sent to Anki: %1 added, %2 updated, %3 already up to date; your own fields and tags were kept.</source>
        <translation>已发送到 Anki：新增 %1 条、更新 %2 条、%3 条已是最新；你自己加的字段和标签都保留着。</translation>
    </message>
    <message>
        <source>Cancelled. Open the text again from the Library when you want to read it.</source>
        <translation>已取消。想读的时候，可以从书库再打开这篇文章。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Open a quiz set</source>
        <translation>打开题组</translation>
    </message>
    <message>
        <source>Quiz sets (*.toml)</source>
        <translation>题组 (*.toml)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Dushu %1&lt;/h3&gt;&lt;p&gt;Read Chinese texts with readings and a dictionary, then study them as flashcards.&lt;/p&gt;&lt;p&gt;Dictionary: &lt;a href=&apos;https://cc-cedict.org/&apos;&gt;CC-CEDICT&lt;/a&gt;, licensed under CC BY-SA 4.0. Word segmentation: jieba. Readings: pypinyin. Word levels: HSK 3.0. Word frequencies: wordfreq.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Dushu %1&lt;/h3&gt;&lt;p&gt;借助读音和词典阅读中文文章，再把学到的内容做成抽认卡复习。&lt;/p&gt;&lt;p&gt;词典：&lt;a href=&apos;https://cc-cedict.org/&apos;&gt;CC-CEDICT&lt;/a&gt;，采用 CC BY-SA 4.0 许可。分词：jieba。读音：pypinyin。词汇级别：HSK 3.0。词频：wordfreq。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Dushu</source>
        <translation>关于 Dushu</translation>
    </message>
    <message>
        <source>No documents yet</source>
        <translation>还没有文档</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>阅读</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>词汇</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>事实</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>测验</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>复习</translation>
    </message>
    <message>
        <source>Quiz Editor</source>
        <translation>题组编辑器</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>书库</translation>
    </message>
    <message>
        <source>&amp;Study</source>
        <translation>学习(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Take a Quiz</source>
        <translation>进行测验(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Open Quiz Set…</source>
        <translation>打开题组(&amp;O)…</translation>
    </message>
    <message>
        <source>Quiz &amp;Results</source>
        <translation>测验结果(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Review Due Cards</source>
        <translation>复习到期卡片(&amp;R)</translation>
    </message>
    <message>
        <source>Review &amp;Items…</source>
        <translation>复习项目(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;New Quiz Set</source>
        <translation>添加题组(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Edit a Quiz Set…</source>
        <translation>编辑题组(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Word</source>
        <translation>词(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Paste Text…</source>
        <translation>粘贴文字(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>书库(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Send to &amp;Anki</source>
        <translation>发送到 Anki(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Add to Deck</source>
        <translation>加入牌组</translation>
    </message>
    <message>
        <source>I Know This</source>
        <translation>我会这个词</translation>
    </message>
    <message>
        <source>&amp;Merge with Next Word</source>
        <translation>与下一个词合并(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Split Word</source>
        <translation>拆开这个词(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Find in Vocabulary</source>
        <translation>在词汇中搜索(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Bigger Text</source>
        <translation>放大文字(&amp;B)</translation>
    </message>
    <message>
        <source>Smalle&amp;r Text</source>
        <translation>缩小文字(&amp;R)</translation>
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
        <translation>声调颜色(&amp;C)</translation>
    </message>
    <message>
        <source>Tone Sa&amp;ndhi in Readings</source>
        <translation>读音显示变调(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;About Dushu</source>
        <translation>关于 Dushu(&amp;A)</translation>
    </message>
    <message>
        <source>Readings:</source>
        <translation>读音：</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Something went wrong (%1). Your documents and words are safe.</source>
        <translation>发生错误（%1）。你的文档和词汇都没有受影响。</translation>
    </message>
    <message>
        <source>Document &amp;Properties…</source>
        <translation>文档属性(&amp;P)…</translation>
    </message>
    <message>
        <source>The words of “%1” are listed here once the whole text is analysed; the Reader shows it already.</source>
        <translation>整篇文章分析完后，「%1」的词语会列在这里；阅读器已经可以看了。</translation>
    </message>
    <message>
        <source>The facts of “%1” are shown here once the whole text is analysed; the Reader shows it already.</source>
        <translation>整篇文章分析完后，「%1」的事实会显示在这里；阅读器已经可以看了。</translation>
    </message>
    <message>
        <source>That sentence is not in the open text: the quiz set may come from another text.</source>
        <translation>打开的文章里没有这句话：这个题组可能出自别的文章。</translation>
    </message>
</context>
<context>
    <name>Properties</name>
    <message>
        <source>Document properties</source>
        <translation>文档属性</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Characters:</source>
        <translation>字数：</translation>
    </message>
    <message>
        <source>Added:</source>
        <translation>添加时间：</translation>
    </message>
    <message>
        <source>Published:</source>
        <translation>发布日期：</translation>
    </message>
    <message>
        <source>The text is dated %1. Leave the field empty to use that date.</source>
        <translation>本文标明的日期是 %1。留空即采用这个日期。</translation>
    </message>
    <message>
        <source>The text gives no date of its own. Set the day it was published (YYYY-MM-DD) so that 今天, 昨日 and 去年 in it get their dates; without one they stay undated.</source>
        <translation>本文没有标明日期。填入发布日期（YYYY-MM-DD），文中的今天、昨日、去年才能换算成日期；不填则不标日期。</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD, e.g. 2025-08-26.</source>
        <translation>请以 YYYY-MM-DD 格式填写，例如 2025-08-26。</translation>
    </message>
</context>
<context>
    <name>QuestionForm</name>
    <message>
        <source>&amp;Type</source>
        <translation>类型(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Question</source>
        <translation>题目(&amp;Q)</translation>
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
        <translation>标签(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Source sentence</source>
        <translation>来源句子(&amp;S)</translation>
    </message>
    <message>
        <source>E&amp;xplanation</source>
        <translation>解说(&amp;X)</translation>
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
        <translation>学习者填入空格；请在下方列出所有可接受的答案。</translation>
    </message>
    <message>
        <source>What the learner is asked</source>
        <translation>要问学习者的内容</translation>
    </message>
    <message>
        <source>Add a choice</source>
        <translation>添加选项</translation>
    </message>
    <message>
        <source>A choice</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>The statement is true (對)</source>
        <translation>此叙述为真（对）</translation>
    </message>
    <message>
        <source>The statement is false (錯)</source>
        <translation>此叙述为假（错）</translation>
    </message>
    <message>
        <source>Add an accepted answer</source>
        <translation>添加可接受的答案</translation>
    </message>
    <message>
        <source>An answer you accept</source>
        <translation>可接受的答案</translation>
    </message>
    <message>
        <source>Click the round button beside the right choice.</source>
        <translation>请点击正确选项旁的圆形按钮。</translation>
    </message>
    <message>
        <source>Answers are accepted in either script, full or half width, with or without tone marks.</source>
        <translation>答案不分繁简字、全角半角，有无声调符号皆可接受。</translation>
    </message>
    <message>
        <source>Write the items in the right order; learners see them shuffled.</source>
        <translation>请依正确顺序填写项目；学习者看到的会是打乱后的顺序。</translation>
    </message>
    <message>
        <source>Each row: an item and what it matches; learners see the right side shuffled.</source>
        <translation>每列：一个项目及其配对内容；学习者看到的右侧会被打乱。</translation>
    </message>
    <message>
        <source>Add an item</source>
        <translation>添加项目</translation>
    </message>
    <message>
        <source>Items in the right order</source>
        <translation>依正确顺序排列的项目</translation>
    </message>
    <message>
        <source>Add a pair</source>
        <translation>添加配对</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <source>Matches this</source>
        <translation>配对内容</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. event, date</source>
        <translation>以逗号分隔，例如：事件, 日期</translation>
    </message>
    <message>
        <source>The sentence of the text the question checks</source>
        <translation>题目所考查的文本句子</translation>
    </message>
    <message>
        <source>Shown after the answer: why it is right</source>
        <translation>作答后显示：说明为何正确</translation>
    </message>
    <message>
        <source>A name for the question, unique in the set (results and exports use it)</source>
        <translation>题目名称，在题组中不可重复（结果与导出会使用）</translation>
    </message>
    <message>
        <source>Items (in the right order)</source>
        <translation>项目（依正确顺序）</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>配对</translation>
    </message>
    <message>
        <source>Choices (mark the right one)</source>
        <translation>选项（标出正确答案）</translation>
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
        <translation>从文本添加题目</translation>
    </message>
    <message>
        <source>Tick the questions to add. They are grouped by what they ask; select one to see it with its answer. Questions already in the set are greyed out.</source>
        <translation>勾选要添加的题目。题目依提问内容分组；选取一题即可查看题目与答案。已在题组中的题目会以灰色显示。</translation>
    </message>
    <message>
        <source>Find questions: a word of the question, its answer or its sentence</source>
        <translation>找题目：题目、答案或原句中的字词</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Already in the set</source>
        <translation>已在题组中</translation>
    </message>
    <message>
        <source>Select a question to see it with its answer.</source>
        <translation>选取题目以查看题目与答案。</translation>
    </message>
    <message numerus="yes">
        <source>Add %n question(s)</source>
        <translation>
            <numerusform>添加 %n 道题目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) the text can give</source>
        <translation>
            <numerusform>文本可产生 %n 道题目</numerusform>
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
        <translation>历次完整作答的分数</translation>
    </message>
    <message>
        <source>pass mark %1%</source>
        <translation>及格分数 %1%</translation>
    </message>
    <message>
        <source>No attempts yet: take a quiz and its score appears here.</source>
        <translation>尚无作答纪录：进行测验后，分数会显示在这里。</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>学习者</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
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
        <translation>（时间到）</translation>
    </message>
    <message>
        <source>retry of wrong ones</source>
        <translation>重做答错题</translation>
    </message>
    <message>
        <source>whole set</source>
        <translation>整个题组</translation>
    </message>
    <message>
        <source>Export attempts as CSV</source>
        <translation>将作答纪录导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Results:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <source>Export attempts as CSV…</source>
        <translation>将作答纪录导出为 CSV…</translation>
    </message>
    <message>
        <source>Back to the sets</source>
        <translation>返回题组</translation>
    </message>
    <message>
        <source> (retry of wrong ones)</source>
        <translation>（重做答错题）</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>选择题</translation>
    </message>
    <message>
        <source>True or false</source>
        <translation>是非题</translation>
    </message>
    <message>
        <source>Fill the blank</source>
        <translation>填空题</translation>
    </message>
    <message>
        <source>Short answer</source>
        <translation>简答题</translation>
    </message>
    <message>
        <source>Put in order</source>
        <translation>排序题</translation>
    </message>
    <message>
        <source>Match pairs</source>
        <translation>配对题</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>词汇</translation>
    </message>
    <message>
        <source>True</source>
        <translation>对</translation>
    </message>
    <message>
        <source>False</source>
        <translation>错</translation>
    </message>
    <message>
        <source>Choose the right answer:</source>
        <translation>请选出正确答案：</translation>
    </message>
    <message>
        <source>Is this statement true or false?</source>
        <translation>此叙述是对还是错？</translation>
    </message>
    <message>
        <source>Fill the blank:</source>
        <translation>请填空：</translation>
    </message>
    <message>
        <source>Type the answer:</source>
        <translation>请输入答案：</translation>
    </message>
    <message>
        <source>Put these in order:</source>
        <translation>请将以下项目排序：</translation>
    </message>
    <message>
        <source>Match each item with its partner:</source>
        <translation>请将每个项目与其对应项配对：</translation>
    </message>
    <message>
        <source>Sets you open appear here.</source>
        <translation>打开过的题组会显示在这里。</translation>
    </message>
    <message>
        <source>Open a document (Library or File → Open) to make a quiz from it.</source>
        <translation>请打开文档（书库或 文件 → 打开）以制作测验。</translation>
    </message>
    <message>
        <source>From “%1”: questions on what the text says and on its words.</source>
        <translation>取自「%1」：关于文本内容与词语的题目。</translation>
    </message>
    <message>
        <source>the open text</source>
        <translation>目前打开的文本</translation>
    </message>
    <message>
        <source>Choose at least one kind of question.</source>
        <translation>请至少选择一种题型。</translation>
    </message>
    <message>
        <source>This text has nothing to ask of the kinds chosen; choose more kinds.</source>
        <translation>此文本没有可出所选题型的题目；请选择更多题型。</translation>
    </message>
    <message>
        <source>Open a quiz set</source>
        <translation>打开题组</translation>
    </message>
    <message>
        <source>Quiz sets (*.toml)</source>
        <translation>题组 (*.toml)</translation>
    </message>
    <message>
        <source>Finish or end the quiz you are taking first.</source>
        <translation>请先完成或结束目前进行中的测验。</translation>
    </message>
    <message>
        <source>This quiz set has no questions.</source>
        <translation>此题组没有题目。</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>第 %1 题，共 %2 题</translation>
    </message>
    <message>
        <source>Enter: see the score.</source>
        <translation>Enter：查看分数。</translation>
    </message>
    <message>
        <source>Enter: next question.</source>
        <translation>Enter：下一题。</translation>
    </message>
    <message>
        <source>Enter: check the answer.</source>
        <translation>Enter：检查答案。</translation>
    </message>
    <message>
        <source>Enter: finish the quiz.</source>
        <translation>Enter：完成测验。</translation>
    </message>
    <message>
        <source>See the score</source>
        <translation>查看分数</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>下一题</translation>
    </message>
    <message>
        <source>Check answer</source>
        <translation>检查答案</translation>
    </message>
    <message>
        <source>Finish quiz</source>
        <translation>完成测验</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>%1 of %2 answered</source>
        <translation>已作答 %1 / %2 题</translation>
    </message>
    <message>
        <source>Give an answer first, or press Skip to see the right one.</source>
        <translation>请先作答，或按「略过」查看正确答案。</translation>
    </message>
    <message>
        <source>End the quiz?</source>
        <translation>要结束测验吗？</translation>
    </message>
    <message>
        <source>%1 questions have no answer yet and will count as wrong. End the quiz?</source>
        <translation>有 %1 题尚未作答，将视为答错。要结束测验吗？</translation>
    </message>
    <message>
        <source>Right!</source>
        <translation>答对了！</translation>
    </message>
    <message>
        <source>Partly right: %1 of %2 points.</source>
        <translation>部分正确：得 %1 / %2 分。</translation>
    </message>
    <message>
        <source>No answer.</source>
        <translation>没有作答。</translation>
    </message>
    <message>
        <source>Not quite.</source>
        <translation>不太对。</translation>
    </message>
    <message>
        <source>The syllables are right; check the tones.</source>
        <translation>音节正确；请检查声调。</translation>
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
        <translation>在阅读器中显示</translation>
    </message>
    <message>
        <source>Time left %1</source>
        <translation>剩余时间 %1</translation>
    </message>
    <message>
        <source>The attempt could not be kept in the library: %1</source>
        <translation>无法将此次作答保存至书库：%1</translation>
    </message>
    <message>
        <source>Time is up. The quiz ended when the time limit ran out; questions without an answer count as wrong.</source>
        <translation>时间到。测验已于时限结束时终止；未作答的题目视为答错。</translation>
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
        <translation>%1 — 答错的题目</translation>
    </message>
    <message>
        <source>(preview: this attempt is not kept)</source>
        <translation>（预览：不会保存此次作答）</translation>
    </message>
    <message>
        <source>Score %1 of %2 points, %3% — pass mark %4%. %5 of %6 questions right. Time taken: %7.</source>
        <translation>得分 %1 / %2 分，%3% — 及格分数 %4%。答对 %5 / %6 题。用时：%7。</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>你的答案</translation>
    </message>
    <message>
        <source>Right answer</source>
        <translation>正确答案</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>配分</translation>
    </message>
    <message>
        <source>Retry the wrong ones (%1)</source>
        <translation>重做答错题（%1）</translation>
    </message>
    <message>
        <source>Nothing to retry: all right</source>
        <translation>无须重做：全部答对</translation>
    </message>
    <message>
        <source>Select a question to read its explanation.</source>
        <translation>选取题目以阅读解说。</translation>
    </message>
    <message>
        <source>Take a quiz</source>
        <translation>进行测验</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>你的姓名：</translation>
    </message>
    <message>
        <source>shown on your results for the teacher</source>
        <translation>会显示在你提交给老师的结果上</translation>
    </message>
    <message>
        <source>Make a quiz from the open document</source>
        <translation>从目前打开的文档制作测验</translation>
    </message>
    <message>
        <source>Questions:</source>
        <translation>题目：</translation>
    </message>
    <message>
        <source>Make and start the quiz</source>
        <translation>制作并开始测验</translation>
    </message>
    <message>
        <source>Or take a prepared quiz set</source>
        <translation>或选择现成的题组</translation>
    </message>
    <message>
        <source>Open a quiz set (.toml)…</source>
        <translation>打开题组 (.toml)…</translation>
    </message>
    <message>
        <source>You can also drop a teacher&apos;s .toml file onto this page.</source>
        <translation>您也可以将老师提供的 .toml 文件拖放到此页面。</translation>
    </message>
    <message>
        <source>Recent sets</source>
        <translation>最近使用的题组</translation>
    </message>
    <message>
        <source>Sets that come with Dushu</source>
        <translation>Dushu 内置的题组</translation>
    </message>
    <message>
        <source>Start the selected set</source>
        <translation>开始所选的题组</translation>
    </message>
    <message>
        <source>Double-click a set, or select it and press Start.</source>
        <translation>按两下题组，或选取后按「开始」。</translation>
    </message>
    <message>
        <source>Results of earlier attempts…</source>
        <translation>先前作答的结果…</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一题</translation>
    </message>
    <message>
        <source>The question before (Page Up)</source>
        <translation>上一题（Page Up）</translation>
    </message>
    <message>
        <source>Skip (show the answer)</source>
        <translation>略过（显示答案）</translation>
    </message>
    <message>
        <source>End quiz</source>
        <translation>结束测验</translation>
    </message>
    <message>
        <source>Take the whole set again</source>
        <translation>重新作答整个题组</translation>
    </message>
    <message>
        <source>Results of this set</source>
        <translation>此题组的结果</translation>
    </message>
    <message>
        <source>%1 questions</source>
        <translation>%1 题</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>Answers are shown at the end.</source>
        <translation>答案将在最后显示。</translation>
    </message>
    <message>
        <source>Answers are shown after each question.</source>
        <translation>每题作答后显示答案。</translation>
    </message>
    <message>
        <source>right answer</source>
        <translation>正确答案</translation>
    </message>
    <message>
        <source>your answer</source>
        <translation>您的答案</translation>
    </message>
    <message>
        <source>Click a choice or press its number (1–%1).</source>
        <translation>按一下选项，或按下其编号（1–%1）。</translation>
    </message>
    <message>
        <source>True (對)</source>
        <translation>对</translation>
    </message>
    <message>
        <source>False (錯)</source>
        <translation>错</translation>
    </message>
    <message>
        <source>Click True or False, or press T or F (1 or 2).</source>
        <translation>按一下「对」或「错」，或按 T 或 F（1 或 2）。</translation>
    </message>
    <message>
        <source>Type the word that fills the blank</source>
        <translation>输入填入空格的词语</translation>
    </message>
    <message>
        <source>Type your answer</source>
        <translation>输入您的答案</translation>
    </message>
    <message>
        <source>Type with any input method; width, script and tone marks or numbers do not matter.</source>
        <translation>可使用任何输入法；全半角、繁简字体、声调符号或数字皆不影响。</translation>
    </message>
    <message>
        <source>Drag the items into order, or select one and press Alt+Up / Alt+Down (or Ctrl+Up / Down).</source>
        <translation>将项目拖曳排序，或选取一项后按 Alt+Up / Alt+Down（或 Ctrl+Up / Down）。</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>配对项目</translation>
    </message>
    <message>
        <source>Select an item on the left (Up/Down), then click its partner or press its letter (A, B, C …).</source>
        <translation>在左侧选取一个项目（Up/Down），再按一下其配对项目或按下其字母（A、B、C …）。</translation>
    </message>
</context>
<context>
    <name>QuizEditor</name>
    <message>
        <source>Multiple choice</source>
        <translation>选择题</translation>
    </message>
    <message>
        <source>True or false</source>
        <translation>是非题</translation>
    </message>
    <message>
        <source>Fill in the blank</source>
        <translation>填空题</translation>
    </message>
    <message>
        <source>Short answer</source>
        <translation>简答题</translation>
    </message>
    <message>
        <source>Put in order</source>
        <translation>排序题</translation>
    </message>
    <message>
        <source>Match pairs</source>
        <translation>配对题</translation>
    </message>
    <message>
        <source>A choice is empty: write it or remove it.</source>
        <translation>有一个选项是空的：请填写或删除。</translation>
    </message>
    <message>
        <source>An item is empty: write it or remove it.</source>
        <translation>有一个项目是空的：请填写或删除。</translation>
    </message>
    <message>
        <source>An accepted answer is empty: write it or remove it.</source>
        <translation>有一个可接受的答案是空的：请填写或删除。</translation>
    </message>
    <message>
        <source>Give at least %1 choices.</source>
        <translation>请至少给 %1 个选项。</translation>
    </message>
    <message>
        <source>Give at least %1 items to put in order.</source>
        <translation>请至少给 %1 个要排序的项目。</translation>
    </message>
    <message>
        <source>Type at least one accepted answer.</source>
        <translation>请至少输入一个可接受的答案。</translation>
    </message>
    <message>
        <source>“%1” is there twice: the choices must differ.</source>
        <translation>「%1」出现了两次：选项不可重复。</translation>
    </message>
    <message>
        <source>“%1” is there twice: the items must differ.</source>
        <translation>「%1」出现了两次：项目不可重复。</translation>
    </message>
    <message>
        <source>Question %1 has this ID already: give this one another.</source>
        <translation>第 %1 题已经用了这个 ID：请给这题另一个。</translation>
    </message>
    <message>
        <source>“%1” is on the left twice: the items must differ.</source>
        <translation>「%1」在左边出现了两次：项目不可重复。</translation>
    </message>
    <message>
        <source>Give the question an ID (a short text no other question has).</source>
        <translation>请给这题一个 ID（别的题目没用过的短文字）。</translation>
    </message>
    <message>
        <source>Choose a question type.</source>
        <translation>请选择题型。</translation>
    </message>
    <message>
        <source>Write the question.</source>
        <translation>请写下题目。</translation>
    </message>
    <message>
        <source>Mark the blank with ____ (Insert blank).</source>
        <translation>请用 ____ 标出空格（插入空格）。</translation>
    </message>
    <message>
        <source>Points must be more than 0.</source>
        <translation>分数必须大于 0。</translation>
    </message>
    <message>
        <source>Mark the right choice (the round button beside it).</source>
        <translation>请标出正确的选项（选项旁的圆形按钮）。</translation>
    </message>
    <message>
        <source>Choose whether the statement is true or false.</source>
        <translation>请选择这句叙述是对还是错。</translation>
    </message>
    <message>
        <source>A pair has an empty side: fill in both or remove the pair.</source>
        <translation>有一组配对的一边是空的：请两边都填写，或删除这组。</translation>
    </message>
    <message>
        <source>Give at least 2 pairs.</source>
        <translation>请至少给 2 组配对。</translation>
    </message>
    <message>
        <source>Facts and events</source>
        <translation>史实与事件</translation>
    </message>
    <message>
        <source>Terms and abbreviations</source>
        <translation>术语与缩略语</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>词汇</translation>
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
        <translation>添加题组</translation>
    </message>
    <message>
        <source>New set</source>
        <translation>新题组</translation>
    </message>
    <message>
        <source>Empty set</source>
        <translation>空白题组</translation>
    </message>
    <message>
        <source>Generated from the open text…</source>
        <translation>从打开的文本产生…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the set as a .toml file (Ctrl+S)</source>
        <translation>将题组保存为 .toml 文件（Ctrl+S）</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存新档…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>复原</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
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
        <translation>CSV 试算表…</translation>
    </message>
    <message>
        <source>Anki deck…</source>
        <translation>Anki 牌组…</translation>
    </message>
    <message>
        <source>Printable handout (PDF)…</source>
        <translation>可打印讲义 (PDF)…</translation>
    </message>
    <message>
        <source>Preview as student</source>
        <translation>以学生身分预览</translation>
    </message>
    <message>
        <source>Take the set as a learner would, without saving it</source>
        <translation>以学习者身分作答题组，不会保存</translation>
    </message>
    <message>
        <source>The set</source>
        <translation>题组</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>Aut&amp;hor</source>
        <translation>作者(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Feedback</source>
        <translation>回馈(&amp;F)</translation>
    </message>
    <message>
        <source>Time &amp;limit</source>
        <translation>时间限制(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Pass mark</source>
        <translation>及格分数(&amp;P)</translation>
    </message>
    <message>
        <source>Shuffle questions</source>
        <translation>随机排列题目</translation>
    </message>
    <message>
        <source>Shuffle choices</source>
        <translation>随机排列选项</translation>
    </message>
    <message>
        <source>After each question</source>
        <translation>每题作答后</translation>
    </message>
    <message>
        <source>At the end</source>
        <translation>最后</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限时</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Shown to learners and in exports</source>
        <translation>显示给学习者并包含于导出内容</translation>
    </message>
    <message>
        <source>Add question</source>
        <translation>添加题目</translation>
    </message>
    <message>
        <source>Add from the text…</source>
        <translation>从文本添加…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>拷贝</translation>
    </message>
    <message>
        <source>Duplicate the question (Ctrl+D)</source>
        <translation>拷贝题目（Ctrl+D）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the question (Delete); Undo brings it back</source>
        <translation>删除题目（Delete）；可用「复原」还原</translation>
    </message>
    <message>
        <source>Move up (Ctrl+Up); or drag the question</source>
        <translation>上移（Ctrl+Up）；或拖曳题目</translation>
    </message>
    <message>
        <source>Move down (Ctrl+Down); or drag the question</source>
        <translation>下移（Ctrl+Down）；或拖曳题目</translation>
    </message>
    <message>
        <source>No questions yet. Add one of a type, or add questions from the open text.</source>
        <translation>尚无题目。请添加某种题型的题目，或从打开的文本添加题目。</translation>
    </message>
    <message>
        <source>Give the set a title.</source>
        <translation>请给题组一个标题。</translation>
    </message>
    <message>
        <source>Add at least one question.</source>
        <translation>请至少加入一题。</translation>
    </message>
    <message>
        <source>Question {0}: {1}</source>
        <translation>第 {0} 题：{1}</translation>
    </message>
    <message>
        <source>Unsaved quiz set</source>
        <translation>未保存的题组</translation>
    </message>
    <message>
        <source>The quiz set “{0}” has changes that are not saved.</source>
        <translation>题组「{0}」有尚未保存的变更。</translation>
    </message>
    <message>
        <source>Save them before going on?</source>
        <translation>要先保存再继续吗？</translation>
    </message>
    <message>
        <source>The text gives nothing to ask about (no dated events, terms, people or words).</source>
        <translation>此文本没有可出题的内容（没有附日期的事件、术语、人物或词语）。</translation>
    </message>
    <message numerus="yes">
        <source>Generated %n question(s) from “{0}”.</source>
        <translation>
            <numerusform>已从「{0}」产生 %n 道题目。</numerusform>
        </translation>
    </message>
    <message>
        <source>add a question</source>
        <translation>添加题目</translation>
    </message>
    <message>
        <source>add questions</source>
        <translation>添加多道题目</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Deleted question {0} “{1}”. Undo brings it back.</source>
        <translation>已删除第 {0} 题「{1}」。可用「复原」还原。</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>拷贝</translation>
    </message>
    <message>
        <source>move</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>没有可复原的动作。</translation>
    </message>
    <message>
        <source>Undid: {0}.</source>
        <translation>已复原：{0}。</translation>
    </message>
    <message>
        <source>Open a text in the reader first: its facts, terms, people and words give the questions.</source>
        <translation>请先在阅读器中打开文本：题目取自其中的史实、术语、人物与词语。</translation>
    </message>
    <message numerus="yes">
        <source>Added %n question(s) from the text.</source>
        <translation>
            <numerusform>已从文本添加 %n 道题目。</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a quiz set</source>
        <translation>打开题组</translation>
    </message>
    <message>
        <source>Quiz sets (*.toml);;All files (*)</source>
        <translation>题组 (*.toml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The set cannot be saved yet</source>
        <translation>题组尚无法保存</translation>
    </message>
    <message>
        <source>Save the quiz set</source>
        <translation>保存题组</translation>
    </message>
    <message>
        <source>Quiz sets (*.toml)</source>
        <translation>题组 (*.toml)</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>已保存 {0}。</translation>
    </message>
    <message>
        <source>The set cannot be exported yet</source>
        <translation>题组尚无法导出</translation>
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
        <translation>导出题组</translation>
    </message>
    <message>
        <source>Exported {0}.</source>
        <translation>已导出 {0}。</translation>
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
        <translation>分数</translation>
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
        <translation>对</translation>
    </message>
    <message>
        <source>錯 (false)</source>
        <translation>错</translation>
    </message>
    <message>
        <source>Write 1, 2, 3 … in the brackets to put them in order.</source>
        <translation>在括号内填入 1、2、3 … 以排列顺序。</translation>
    </message>
    <message>
        <source>Write the letter of the matching item in the brackets beside each number.</source>
        <translation>在每个编号旁的括号内填入相配对项目的字母。</translation>
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
        <translation>说明</translation>
    </message>
    <message>
        <source>From the text</source>
        <translation>出自文本</translation>
    </message>
    <message>
        <source>The set cannot be previewed yet</source>
        <translation>题组尚无法预览</translation>
    </message>
    <message>
        <source>Question {0} of {1} · {2}</source>
        <translation>第 {0} 题，共 {1} 题 · {2}</translation>
    </message>
    <message>
        <source>typing in question {0}</source>
        <translation>正在输入第 {0} 题</translation>
    </message>
    <message>
        <source>(no question written yet)</source>
        <translation>（尚未撰写题目）</translation>
    </message>
    <message numerus="yes">
        <source>Questions: %n, points: {0}</source>
        <translation>
            <numerusform>题数：%n，总分：{0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… 还有 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n problem(s) to fix before saving:</source>
        <translation>
            <numerusform>⚠ 保存前有 %n 个问题需要修正：</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ The set is ready to save, export and preview.</source>
        <translation>✓ 题组已可保存、导出及预览。</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>unsaved changes</source>
        <translation>有未保存的变更</translation>
    </message>
    <message>
        <source>Open a text in the reader to add questions from it.</source>
        <translation>在阅读器中打开文本，即可从中添加题目。</translation>
    </message>
    <message>
        <source>Choose questions the open text gives: facts, terms, people, words</source>
        <translation>选择打开的文本可提供的题目：史实、术语、人物、词语</translation>
    </message>
    <message>
        <source>Generate a quiz set</source>
        <translation>产生题组</translation>
    </message>
    <message>
        <source>How many questions?</source>
        <translation>要产生几道题目？</translation>
    </message>
    <message>
        <source>Fix these first (the list marks each question with a problem):</source>
        <translation>请先修正以下问题（清单中有问题的题目皆已标示）：</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>◀ Previous page</source>
        <translation>◀ 上一页</translation>
    </message>
    <message>
        <source>Next page ▶</source>
        <translation>下一页 ▶</translation>
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
        <translation>这篇文章没有可以提问的事实。</translation>
    </message>
    <message>
        <source>Added %1 facts to review; %2 were there already.</source>
        <translation>已加入 %1 项事实到复习；另有 %2 项原本就在。</translation>
    </message>
    <message>
        <source>None of this document&apos;s words is in your deck yet. Mark words as Learning in the reader or the Vocabulary tab; they then join the review by themselves.</source>
        <translation>这篇文章的词还没有一个在你的牌组里。在阅读或词汇分页把词标为“学习中”，它们就会自动加入复习。</translation>
    </message>
    <message>
        <source>Added %1 deck words to review; %2 were there already.</source>
        <translation>已加入 %1 个牌组词到复习；另有 %2 个原本就在。</translation>
    </message>
    <message>
        <source>Start review (%1)</source>
        <translation>开始复习 (%1)</translation>
    </message>
    <message>
        <source>Nothing due now</source>
        <translation>现在没有要复习的</translation>
    </message>
    <message>
        <source>From “%1”</source>
        <translation>出自“%1”</translation>
    </message>
    <message>
        <source>Open a document first</source>
        <translation>请先打开一篇文章</translation>
    </message>
    <message>
        <source>Nothing to review yet. Open a text and press “Add this document&apos;s facts”, or put words in your deck (mark them Learning in the reader or the Vocabulary tab) and press “Add deck words”. Dushu then shows each item again just before you would forget it.</source>
        <translation>还没有要复习的项目。打开一篇文章并按“加入这篇文章的事实”，或把词放进牌组（在阅读或词汇分页标为“学习中”）再按“加入牌组的词”。之后 Dushu 会在你快要忘记前再让你复习每一项。</translation>
    </message>
    <message>
        <source>All done for today. More new items come in tomorrow.</source>
        <translation>今天的都完成了。明天还有新项目。</translation>
    </message>
    <message>
        <source>All done for today.</source>
        <translation>今天的都完成了。</translation>
    </message>
    <message>
        <source>All done for now. The next item is due %1.</source>
        <translation>目前都完成了。下一项%1到期。</translation>
    </message>
    <message>
        <source>Reviews per day (last 30 days)</source>
        <translation>每天的复习次数（最近 30 天）</translation>
    </message>
    <message>
        <source>No reviews yet: the reviews you do show up here, day by day.</source>
        <translation>还没有复习记录：你的复习会按天显示在这里。</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新的</translation>
    </message>
    <message>
        <source>Learning</source>
        <translation>学习中</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>复习</translation>
    </message>
    <message>
        <source>Relearning</source>
        <translation>重新学习</translation>
    </message>
    <message>
        <source>Items by state</source>
        <translation>各状态的项目</translation>
    </message>
    <message>
        <source>Finding this document&apos;s facts…</source>
        <translation>正在找出这篇文章的事实…</translation>
    </message>
    <message>
        <source>seen before, due now</source>
        <translation>复习过、现在到期</translation>
    </message>
    <message>
        <source>new for today (%1 new in all)</source>
        <translation>今天的新项目（共 %1 个新项目）</translation>
    </message>
    <message>
        <source>new for today</source>
        <translation>今天的新项目</translation>
    </message>
    <message>
        <source>items in all (%1 suspended)</source>
        <translation>项目总数（%1 个暂停）</translation>
    </message>
    <message>
        <source>items in all</source>
        <translation>项目总数</translation>
    </message>
    <message>
        <source>Items you have reviewed before whose time to come back has come.</source>
        <translation>复习过、现在又到了该再看的项目。</translation>
    </message>
    <message>
        <source>Items you have never reviewed. At most %1 new ones come in a day, so that a whole text does not arrive at once.</source>
        <translation>从未复习过的项目。每天最多加入 %1 个新项目，免得整篇文章一次涌来。</translation>
    </message>
    <message>
        <source>Every item you have added: new ones, ones you are learning, and suspended ones (words marked known, items you chose not to review).</source>
        <translation>你加入的所有项目：新的、学习中的，以及暂停的（标为已会的词、你选择不再复习的项目）。</translation>
    </message>
    <message>
        <source>Keys: Space shows the answer; 1 Again, 2 Hard, 3 Good, 4 Easy; S takes the item out of the review; Esc ends.</source>
        <translation>按键：空白键显示答案；1 重来、2 困难、3 良好、4 简单；S 把项目移出复习；Esc 结束。</translation>
    </message>
    <message>
        <source>No items in review.</source>
        <translation>没有在复习中的项目。</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>记住率</translation>
    </message>
    <message>
        <source>Retention: %1% of answers were not “Again”</source>
        <translation>记住率：%1% 的回答不是“重来”</translation>
    </message>
    <message>
        <source>aim 90%</source>
        <translation>目标 90%</translation>
    </message>
    <message>
        <source>How often you remembered, once you have reviewed.</source>
        <translation>复习之后，这里会显示你记住的比例。</translation>
    </message>
    <message>
        <source>“%1” will not come again. Items… on the overview brings it back whenever you like.</source>
        <translation>「%1」不会再出现。随时可在总览的「项目…」中放回。</translation>
    </message>
    <message>
        <source>%1 left · %2 done</source>
        <translation>还剩 %1 · 已完成 %2</translation>
    </message>
    <message>
        <source>Its reading and meaning?</source>
        <translation>读音和意思是什么？</translation>
    </message>
    <message>
        <source>(no meaning stored)</source>
        <translation>（没有存下意思）</translation>
    </message>
    <message>
        <source>Well done: %1 reviewed.</source>
        <translation>做得好：复习了 %1 项。</translation>
    </message>
    <message>
        <source>Nothing is due now.</source>
        <translation>现在没有到期的项目。</translation>
    </message>
    <message>
        <source>Add this document&apos;s facts</source>
        <translation>加入这篇文章的事实</translation>
    </message>
    <message>
        <source>Add deck words</source>
        <translation>加入牌组的词</translation>
    </message>
    <message>
        <source>Items…</source>
        <translation>项目…</translation>
    </message>
    <message>
        <source>Every item in your review: suspend, resume, reset or remove them.</source>
        <translation>复习中的所有项目：暂停、恢复、重设或移除。</translation>
    </message>
    <message>
        <source>End review (Esc)</source>
        <translation>结束复习 (Esc)</translation>
    </message>
    <message>
        <source>Don&apos;t review this again (S)</source>
        <translation>不再复习这项 (S)</translation>
    </message>
    <message>
        <source>Takes this item out of the review (its progress is kept). Undo brings it back at once; later, Items… on the overview does.</source>
        <translation>把这个项目移出复习（进度会保留）。「复原」可立刻放回；之后可在总览的「项目…」中放回。</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>复原 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Show answer (Space)</source>
        <translation>显示答案（空格键）</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>重来</translation>
    </message>
    <message>
        <source>Hard</source>
        <translation>困难</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Easy</source>
        <translation>简单</translation>
    </message>
    <message>
        <source>Back to the overview</source>
        <translation>回到总览</translation>
    </message>
    <message>
        <source>Items suspended: %1. Resume brings them back.</source>
        <translation>已暂停的项目：%1。按「恢复」可放回。</translation>
    </message>
    <message>
        <source>Items back in the review: %1.</source>
        <translation>已放回复习的项目：%1。</translation>
    </message>
    <message>
        <source>Reset the progress of the selected items (%1)? They start again as new items; the reviews you did stay in the statistics.</source>
        <translation>要重设选取项目（%1 个）的进度吗？它们会重新成为新项目；你做过的复习仍留在统计中。</translation>
    </message>
    <message>
        <source>Items reset, new again: %1.</source>
        <translation>已重设为新项目：%1。</translation>
    </message>
    <message>
        <source>Remove the selected items (%1) from the review? Their progress and history are deleted. Adding the document&apos;s facts or your deck words again brings them back as new items; Suspend keeps them instead.</source>
        <translation>要从复习中移除选取的项目（%1 个）吗？它们的进度和纪录都会删除。再次加入文章的事实或牌组的词，会让它们以新项目回来；「暂停」则会保留它们。</translation>
    </message>
    <message>
        <source>Items removed: %1.</source>
        <translation>已移除的项目：%1。</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Suspended: not shown until you resume it.</source>
        <translation>已暂停：恢复之前不会出现。</translation>
    </message>
    <message>
        <source>New items come in at most %1 a day, in the order they were added.</source>
        <translation>新项目每天最多加入 %1 个，依加入的顺序。</translation>
    </message>
    <message>
        <source>No items yet.</source>
        <translation>还没有项目。</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 个项目</translation>
    </message>
    <message>
        <source>%1 of %2 items shown</source>
        <translation>显示 %2 个项目中的 %1 个</translation>
    </message>
    <message>
        <source>Review items</source>
        <translation>复习项目</translation>
    </message>
    <message>
        <source>Filter: a word, a question, an answer, a document&apos;s title…</source>
        <translation>筛选：词、问题、答案、文章标题…</translation>
    </message>
    <message>
        <source>Word or question</source>
        <translation>词或问题</translation>
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
        <translation>状态</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>下次到期</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Take the selected items out of the review; their progress is kept.</source>
        <translation>把选取的项目移出复习；进度会保留。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Bring the selected items back into the review.</source>
        <translation>把选取的项目放回复习。</translation>
    </message>
    <message>
        <source>Reset progress…</source>
        <translation>重设进度…</translation>
    </message>
    <message>
        <source>Start the selected items again as new items.</source>
        <translation>把选取的项目当作新项目重新开始。</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Delete the selected items from the review, with their history.</source>
        <translation>从复习中删除选取的项目及其纪录。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>in %1 min</source>
        <translation>%1 分钟后</translation>
    </message>
    <message>
        <source>in %1 h</source>
        <translation>%1 小时后</translation>
    </message>
    <message>
        <source>in 1 day</source>
        <translation>1 天后</translation>
    </message>
    <message>
        <source>in %1 days</source>
        <translation>%1 天后</translation>
    </message>
    <message>
        <source>in 1 month</source>
        <translation>1 个月后</translation>
    </message>
    <message>
        <source>in %1 months</source>
        <translation>%1 个月后</translation>
    </message>
    <message>
        <source>in 1 year</source>
        <translation>1 年后</translation>
    </message>
    <message>
        <source>in %1 years</source>
        <translation>%1 年后</translation>
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
        <translation>数字标调拼音</translation>
    </message>
    <message>
        <source>Zhuyin (bopomofo)</source>
        <translation>注音符号</translation>
    </message>
    <message>
        <source>No readings</source>
        <translation>不显示读音</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Colour each syllable by its tone</source>
        <translation>按声调给每个音节上色</translation>
    </message>
    <message>
        <source>Show tone changes in speech (一, 不, third tones)</source>
        <translation>显示口语中的变调（一、不、三声）</translation>
    </message>
    <message>
        <source>Readings show how the words are said (一個 yí gè, 你好 ní hǎo); the dictionary and your cards keep the written tones.</source>
        <translation>读音会显示实际的念法（一个 yí gè、你好 ní hǎo）；词典和卡片仍保留原本的声调。</translation>
    </message>
    <message>
        <source>Automatic (best Chinese font)</source>
        <translation>自动（最合适的中文字体）</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Readings above the text:</source>
        <translation>文字上方的读音：</translation>
    </message>
    <message>
        <source>Chinese font:</source>
        <translation>中文字体：</translation>
    </message>
    <message>
        <source>Text size:</source>
        <translation>文字大小：</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <source>Changes apply at once and are remembered.</source>
        <translation>更改会立即生效并保存。</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Word</source>
        <translation>词</translation>
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
        <translation>释义</translation>
    </message>
    <message>
        <source>HSK</source>
        <translation>HSK</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Your meaning (double-click to edit)</source>
        <translation>你的释义（双击可编辑）</translation>
    </message>
    <message>
        <source>In its first sentence: %1</source>
        <translation>首次出现的句子：%1</translation>
    </message>
    <message>
        <source>known</source>
        <translation>已会</translation>
    </message>
    <message>
        <source>learning</source>
        <translation>学习中</translation>
    </message>
    <message>
        <source>new</source>
        <translation>生词</translation>
    </message>
    <message>
        <source>%1 words · %2 learning · %3 known · %4 shown</source>
        <translation>共 %1 个词 · %2 个学习中 · %3 个已会 · 显示 %4 个</translation>
    </message>
    <message>
        <source>Add to deck</source>
        <translation>加入牌组</translation>
    </message>
    <message>
        <source>Mark as known</source>
        <translation>标为已会</translation>
    </message>
    <message>
        <source>Mark as new</source>
        <translation>标为生词</translation>
    </message>
    <message>
        <source>Edit meaning</source>
        <translation>编辑释义</translation>
    </message>
    <message>
        <source>Show in the text</source>
        <translation>在文中显示</translation>
    </message>
    <message>
        <source>Quiz questions on this word…</source>
        <translation>用这个词出题…</translation>
    </message>
    <message>
        <source>Search words, pinyin or meanings</source>
        <translation>搜索词、拼音或释义</translation>
    </message>
    <message>
        <source>Hide known words</source>
        <translation>隐藏已会的词</translation>
    </message>
    <message>
        <source>HSK level at least:</source>
        <translation>HSK 级别至少：</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Words not on the HSK list are always shown</source>
        <translation>不在 HSK 词表上的词一律显示</translation>
    </message>
    <message>
        <source>Add to deck (D)</source>
        <translation>加入牌组 (D)</translation>
    </message>
    <message>
        <source>Mark known (K)</source>
        <translation>标为已会 (K)</translation>
    </message>
    <message>
        <source>Mark new (N)</source>
        <translation>标为生词 (N)</translation>
    </message>
</context>
<context>
    <name>WordPanel</name>
    <message>
        <source>not in HSK</source>
        <translation>不在 HSK 词表</translation>
    </message>
    <message>
        <source>HSK 7–9</source>
        <translation>HSK 7–9 级</translation>
    </message>
    <message>
        <source>HSK %1</source>
        <translation>HSK %1 级</translation>
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
        <translation>较少用</translation>
    </message>
    <message>
        <source>rare</source>
        <translation>罕用</translation>
    </message>
    <message>
        <source>not in the frequency list</source>
        <translation>不在词频表中</translation>
    </message>
    <message>
        <source>Traditional: %1</source>
        <translation>繁体：%1</translation>
    </message>
    <message>
        <source>Simplified: %1</source>
        <translation>简体：%1</translation>
    </message>
    <message>
        <source>once in this text</source>
        <translation>本文出现一次</translation>
    </message>
    <message>
        <source>%1 times in this text</source>
        <translation>本文出现 %1 次</translation>
    </message>
    <message>
        <source>name</source>
        <translation>专有名词</translation>
    </message>
    <message>
        <source>a person, mentioned %2 times in this text</source>
        <translation>人物，在此文本中出现 %2 次</translation>
    </message>
    <message>
        <source>a person, mentioned once in this text</source>
        <translation>人物，在此文本中出现一次</translation>
    </message>
    <message>
        <source>part of the name %1, a person mentioned %2 times in this text</source>
        <translation>人名 %1 的一部分，此人物在此文本中出现 %2 次</translation>
    </message>
    <message>
        <source>part of the name %1, a person mentioned once in this text</source>
        <translation>人名 %1 的一部分，此人物在此文本中出现一次</translation>
    </message>
    <message>
        <source>Your meaning</source>
        <translation>你的释义</translation>
    </message>
    <message>
        <source>In this sentence</source>
        <translation>本句中的意思</translation>
    </message>
    <message>
        <source>No dictionary entry for this word.</source>
        <translation>词典里没有这个词。</translation>
    </message>
    <message>
        <source>Not in the dictionary as one word; its parts:</source>
        <translation>词典里没有这整个词；各部分的意思：</translation>
    </message>
    <message>
        <source>name list</source>
        <translation>专名表</translation>
    </message>
    <message>
        <source>Other occurrences (%1)</source>
        <translation>其他出现处（%1）</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>还有 %1 处</translation>
    </message>
    <message>
        <source>This is the only one.</source>
        <translation>只出现这一次。</translation>
    </message>
    <message>
        <source>✓ In your deck</source>
        <translation>✓ 已在牌组</translation>
    </message>
    <message>
        <source>Add to deck</source>
        <translation>加入牌组</translation>
    </message>
    <message>
        <source>✓ Known</source>
        <translation>✓ 已会</translation>
    </message>
    <message>
        <source>I know this</source>
        <translation>我会这个词</translation>
    </message>
    <message>
        <source>Click a word in the text to see its readings, every meaning and where else it appears.

Arrow keys move from word to word.</source>
        <translation>点一下文中的词，就能看到它的读音、所有释义，以及它在文中还出现在哪里。

用方向键可以逐词移动。</translation>
    </message>
    <message>
        <source>Words in your deck go into the Anki export (D)</source>
        <translation>牌组里的词会导出到 Anki (D)</translation>
    </message>
    <message>
        <source>Known words are left out of the deck (K)</source>
        <translation>已会的词不会放进牌组 (K)</translation>
    </message>
    <message>
        <source>Merge with next word</source>
        <translation>与下一个词合并</translation>
    </message>
    <message>
        <source>This word and the next are one word: keep them together from now on</source>
        <translation>这个词和下一个其实是一个词：从现在起合在一起</translation>
    </message>
    <message>
        <source>Split word</source>
        <translation>拆开这个词</translation>
    </message>
    <message>
        <source>This is not one word: split it from now on</source>
        <translation>这不是一个词：从现在起拆开</translation>
    </message>
    <message>
        <source>Edit meaning…</source>
        <translation>编辑释义…</translation>
    </message>
</context>
<context>
    <name>owner</name>
    <message>
        <source>This is the right answer</source>
        <translation>这是正确答案</translation>
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
