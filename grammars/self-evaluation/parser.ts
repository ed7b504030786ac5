import { CstParser, EOF, LLkLookaheadStrategy, tokenMatcher, type TokenType } from "chevrotain";
import { StoredLookahead } from "./lookahead.js";
import * as T from "./tokens.js";

/** The parser is LL(3): how many tokens it may look ahead to choose an alternative. */
export const MAX_LOOKAHEAD = 3;

/** The most cells a row under 年度总体目标 may hold and still be goal text. */
const MAX_GOAL_CELLS = 4;

/**
 * The layout of a 自评表, row by row. Rows are recognised by the label cells
 * they hold; value cells are collected as they come and given their meaning by
 * the normaliser, because their positions shift between exports. Rules are
 * class fields, as in Chevrotain's TypeScript examples; one instance is reused.
 */
export class SelfEvaluationParser extends CstParser {
  /**
   * @param validate run Chevrotain's grammar validations (left recursion,
   *   ambiguity, empty alternatives). The tests do (test/grammar); the one
   *   instance below skips them, about 20 ms of every start, since the grammar
   *   is fixed when the package is built.
   * @param stored read the costliest lookahead paths from the build-time table
   *   (see lookahead.ts); false computes them all, as plain Chevrotain does
   */
  constructor({ validate = false, stored = true }: { validate?: boolean; stored?: boolean } = {}) {
    super(T.allTokens, {
      recoveryEnabled: true,
      maxLookahead: MAX_LOOKAHEAD,
      nodeLocationTracking: "none",
      lookaheadStrategy: stored ? new StoredLookahead({ maxLookahead: MAX_LOOKAHEAD }) : new LLkLookaheadStrategy({ maxLookahead: MAX_LOOKAHEAD }),
      skipValidations: !validate,
    });
    this.performSelfAnalysis();
  }

  /** How many cells the current row holds. */
  private rowCells(): number {
    for (let i = 1; ; i++) {
      const type = this.LA(i).tokenType;
      if (type === EOF || type === T.RowEnd) return i - 1;
    }
  }

  /** True when the current row (up to its RowEnd) holds a token of this type. */
  private rowHas(type: TokenType): boolean {
    for (let i = 1; ; i++) {
      const tok = this.LA(i);
      if (tok.tokenType === EOF || tok.tokenType === T.RowEnd) return false;
      if (tokenMatcher(tok, type)) return true;
    }
  }

  public document = this.RULE("document", () => {
    this.MANY(() => {
      this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { ALT: () => this.SUBRULE(this.form) },
          { ALT: () => this.SUBRULE(this.furnitureRow) },
          { ALT: () => this.SUBRULE(this.strayRow) },
        ],
      });
    });
  });

  /** A row no rule places: page furniture, notes between forms, damage. */
  public strayRow = this.RULE("strayRow", () => {
    this.AT_LEAST_ONE(() => this.CONSUME(T.AnyCell));
    this.CONSUME(T.RowEnd);
  });

  /** 附件2, 附表3, 单位：万元, 填报单位：… : printed around the table, not data. */
  public furnitureRow = this.RULE("furnitureRow", () => {
    this.AT_LEAST_ONE(() => this.CONSUME(T.Furniture));
    this.MANY(() => this.CONSUME(T.AnyCell));
    this.CONSUME(T.RowEnd);
  });

  public form = this.RULE("form", () => {
    this.OR([
      {
        ALT: () => {
          this.SUBRULE(this.titleRow);
          this.OPTION(() => this.SUBRULE(this.yearRow));
        },
      },
      // A form whose title was lost (a page cut, a bare export) starts at 项目名称.
      { ALT: () => this.SUBRULE(this.projectRow) },
    ]);
    this.SUBRULE(this.headerRows);
    // Sichuan 2023 prints 项目基本情况 (its goals) before the funding block.
    this.OPTION5(() => this.SUBRULE2(this.goalsBlock));
    this.OPTION2(() => {
      this.OR2([
        { ALT: () => this.SUBRULE(this.fundingBlock) },
        // 中央 | 省、地 | 本级 | 其他 | 合计 | 执行数 | 执行率 (the criteria templates).
        { ALT: () => this.SUBRULE(this.sourceFundingBlock) },
      ]);
    });
    this.OPTION3(() => this.SUBRULE(this.goalsBlock));
    this.OPTION4(() => {
      this.OR3({
        // Both tables may open with 一级指标: a header row that prints a
        // criteria column (评价内容, 自评分, 复核分, 评价标准及依据) is a criteria table.
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { GATE: () => this.rowHas(T.CriteriaColumnHeader), ALT: () => this.SUBRULE(this.criteriaBlock) },
          { ALT: () => this.SUBRULE(this.indicatorBlock) },
        ],
      });
    });
    this.SUBRULE(this.closingRows);
  });

  public titleRow = this.RULE("titleRow", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.FormTitle) },
      { ALT: () => this.CONSUME(T.TargetSelfEvalTitle) },
      // 部门预算项目支出绩效自评表: the Shandong and Sichuan 2023 templates.
      { ALT: () => this.CONSUME(T.BudgetProjectFormTitle) },
      // 预算项目绩效自评表: Hebei's template in numbered sections.
      { ALT: () => this.CONSUME(T.HebeiFormTitle) },
      // The department-wide form (部门整体支出绩效自评表) has the same parts:
      // 部门名称 for 项目名称, funding by source, goals, indicators, 总分.
      { ALT: () => this.CONSUME(T.DepartmentFormTitle) },
    ]);
    this.CONSUME(T.RowEnd);
  });

  public yearRow = this.RULE("yearRow", () => {
    this.CONSUME(T.YearLine);
    this.CONSUME(T.RowEnd);
  });

  public headerRows = this.RULE("headerRows", () => {
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.projectRow) },
        { ALT: () => this.SUBRULE(this.departmentRow) },
        { ALT: () => this.SUBRULE(this.implementingUnitRow) },
        // 项目负责人及电话 printed among the header fields.
        { ALT: () => this.SUBRULE(this.signOffRow) },
        { ALT: () => this.SUBRULE(this.reportNumberRow) },
        // 一、基本情况, 是否为专项资金, 金额单位 (Hebei).
        { ALT: () => this.SUBRULE(this.sectionRow) },
        { ALT: () => this.SUBRULE(this.basicFieldRow) },
        // A year line printed late, any other value: kept, not fatal.
        { ALT: () => this.SUBRULE(this.valueRow) },
        // 填报单位：… 单位：万元: kept too, the normaliser reads the unit from it.
        { ALT: () => this.SUBRULE(this.furnitureRow) },
      ]);
    });
  });

  public projectRow = this.RULE("projectRow", () => {
    this.CONSUME(T.ProjectNameLabel);
    this.MANY(() => this.CONSUME(T.Value));
    this.CONSUME(T.RowEnd);
  });

  public departmentRow = this.RULE("departmentRow", () => {
    this.CONSUME(T.DepartmentLabel);
    this.MANY(() => this.CONSUME(T.Value));
    this.OPTION(() => {
      this.CONSUME(T.ImplementingUnitLabel);
      this.MANY2(() => this.CONSUME2(T.Value));
    });
    // 主管部门(盖章) 某市教育局 … 单位：万元 (Shandong), printed above the table.
    this.OPTION2(() => this.CONSUME(T.UnitNoteCell));
    this.CONSUME(T.RowEnd);
  });

  /** 报表编号：510000_0013zp, or the label and the number in two cells. */
  public reportNumberRow = this.RULE("reportNumberRow", () => {
    this.CONSUME(T.ReportNumberLabel);
    this.MANY(() => this.CONSUME(T.Value));
    this.CONSUME(T.RowEnd);
  });

  /** 一、基本情况 (Hebei): the heading of the header fields' section, a row of its own. */
  public sectionRow = this.RULE("sectionRow", () => {
    this.CONSUME(T.BasicInfoSectionLabel);
    this.CONSUME(T.RowEnd);
  });

  /** 是否为专项资金 | 是, 金额单位 | 万元 (Hebei): a label of the 基本情况 section and its value. */
  public basicFieldRow = this.RULE("basicFieldRow", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.SpecialFundLabel) },
      { ALT: () => this.CONSUME(T.AmountUnitLabel) },
      // 自评总分 | 92 and 项目属性 | ☑常年性 □延续性 … (the criteria templates).
      { ALT: () => this.CONSUME(T.SelfTotalLabel) },
      { ALT: () => this.CONSUME(T.ProjectAttributeLabel) },
    ]);
    this.MANY(() => this.CONSUME(T.Value));
    this.CONSUME(T.RowEnd);
  });

  public implementingUnitRow = this.RULE("implementingUnitRow", () => {
    this.CONSUME(T.ImplementingUnitLabel);
    this.MANY(() => this.CONSUME(T.Value));
    this.CONSUME(T.RowEnd);
  });

  public valueRow = this.RULE("valueRow", () => {
    this.AT_LEAST_ONE(() => this.CONSUME(T.Value));
    this.CONSUME(T.RowEnd);
  });

  public fundingBlock = this.RULE("fundingBlock", () => {
    this.SUBRULE(this.fundingHeader);
    this.MANY({
      // A row of amounts under a label no token knows (专项债券资金 …) is kept
      // inside the block so the form reads on, and reported by the normaliser;
      // a row of text without amounts ends the block. (The gate sits on MANY:
      // a gate inside the OR would make MANY enter and then fail.)
      GATE: () => !tokenMatcher(this.LA(1), T.Value) || this.rowHas(T.NumberCell),
      DEF: () => {
        this.OR([
          { ALT: () => this.SUBRULE(this.fundingRow) },
          { ALT: () => this.SUBRULE(this.furnitureRow) },
          { ALT: () => this.SUBRULE(this.unplacedRow) },
        ]);
      },
    });
  });

  /** A row inside a block that no rule of that block places. */
  public unplacedRow = this.RULE("unplacedRow", () => {
    this.AT_LEAST_ONE(() => this.CONSUME(T.Value));
    this.CONSUME(T.RowEnd);
  });

  public fundingHeader = this.RULE("fundingHeader", () => {
    this.CONSUME(T.FundingLabel);
    this.MANY(() => this.CONSUME(T.FundingColumnHeader));
    this.CONSUME(T.RowEnd);
    // A second header row, under a header that spans columns: 年度预算数(万元)
    // over 年初预算 | 调整后预算数 (Sichuan 2023).
    this.OPTION(() => {
      this.AT_LEAST_ONE(() => this.CONSUME2(T.FundingColumnHeader));
      this.CONSUME2(T.RowEnd);
    });
  });

  /**
   * Funding by source (the criteria templates): 项目资金(万元) | 中央 | 省、地 |
   * 本级 | 其他 | 合计 | 执行数 | 执行率, then a row of amounts under them
   * (the label cell merged over both rows leaves the second row without one).
   */
  public sourceFundingBlock = this.RULE("sourceFundingBlock", () => {
    this.SUBRULE(this.sourceFundingHeader);
    this.MANY({
      GATE: () => this.rowHas(T.NumberCell),
      DEF: () => this.SUBRULE(this.sourceFundingRow),
    });
  });

  public sourceFundingHeader = this.RULE("sourceFundingHeader", () => {
    this.CONSUME(T.FundingLabel);
    this.CONSUME(T.SourceColumnHeader);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME2(T.SourceColumnHeader) },
        { ALT: () => this.CONSUME(T.OtherFundsLabel) },
        { ALT: () => this.CONSUME(T.TotalFundsLabel) },
        { ALT: () => this.CONSUME(T.FundingColumnHeader) },
      ]);
    });
    this.CONSUME(T.RowEnd);
  });

  public sourceFundingRow = this.RULE("sourceFundingRow", () => {
    this.AT_LEAST_ONE(() => this.CONSUME(T.Value));
    this.CONSUME(T.RowEnd);
  });

  public fundingRow = this.RULE("fundingRow", () => {
    this.OPTION2(() => this.CONSUME(T.FundingGroupLabel));
    this.OPTION(() => this.CONSUME(T.InWhichLabel));
    this.CONSUME(T.FundingRowLabel);
    this.MANY(() => this.CONSUME(T.Value));
    this.CONSUME(T.RowEnd);
  });

  public goalsBlock = this.RULE("goalsBlock", () => {
    this.SUBRULE(this.goalsHeader);
    this.MANY({
      // Goals are one or two texts (a long one split over a few cells at
      // most): a wider row is a table header the grammar does not know,
      // which must not be read as goal text.
      GATE: () => this.rowCells() <= MAX_GOAL_CELLS,
      DEF: () => {
        this.OR([
          { ALT: () => this.SUBRULE(this.valueRow) },
          { ALT: () => this.SUBRULE(this.summaryRow) },
          { ALT: () => this.SUBRULE(this.furnitureRow) },
        ]);
      },
    });
  });

  /** 项目实施内容及过程概述 and its text (Sichuan 2023, under 项目基本情况). */
  public summaryRow = this.RULE("summaryRow", () => {
    this.CONSUME(T.ImplementationSummaryLabel);
    this.MANY(() => this.CONSUME(T.Value));
    this.CONSUME(T.RowEnd);
  });

  public goalsHeader = this.RULE("goalsHeader", () => {
    this.CONSUME(T.GoalsLabel);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.ExpectedGoalHeader) },
        { ALT: () => this.CONSUME(T.AchievedGoalHeader) },
        { ALT: () => this.CONSUME2(T.CompletionRateHeader) },
        { ALT: () => this.CONSUME(T.Value) },
      ]);
    });
    this.CONSUME(T.RowEnd);
    // 三、目标完成情况 on a row of its own, its columns on the next (Hebei):
    // 年度预期目标 | 具体完成情况 | 总体完成率(%).
    this.OPTION(() => {
      this.AT_LEAST_ONE(() => {
        this.OR2([
          { ALT: () => this.CONSUME2(T.ExpectedGoalHeader) },
          { ALT: () => this.CONSUME2(T.AchievedGoalHeader) },
          { ALT: () => this.CONSUME(T.CompletionRateHeader) },
        ]);
      });
      this.CONSUME2(T.RowEnd);
    });
  });

  public indicatorBlock = this.RULE("indicatorBlock", () => {
    this.SUBRULE(this.indicatorHeader);
    this.MANY({
      // The 总分 row may carry stray label fragments before its label: it
      // closes the table even though it starts like an indicator row.
      GATE: () => !this.rowHas(T.TotalScoreLabel),
      DEF: () => {
        this.OR([
          // A header repeated at the top of the next page.
          { ALT: () => this.SUBRULE2(this.indicatorHeader) },
          { ALT: () => this.SUBRULE(this.indicatorRow) },
          // 单位：万元 or 附表3 at the top of the next page.
          { ALT: () => this.SUBRULE(this.furnitureRow) },
        ]);
      },
    });
  });

  public indicatorHeader = this.RULE("indicatorHeader", () => {
    // 绩效指标(90分) in a merged cell before the columns (Sichuan 2023).
    this.OPTION(() => this.CONSUME(T.IndicatorBlockLabel));
    this.CONSUME(T.IndicatorColumnHeader);
    // A column no token knows (评分标准 …) is kept, so the normaliser can place
    // the cells under it and say that it does not read them.
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME2(T.IndicatorColumnHeader) },
        { ALT: () => this.CONSUME(T.TextCell) },
      ]);
    });
    this.CONSUME(T.RowEnd);
  });

  public indicatorRow = this.RULE("indicatorRow", () => {
    this.MANY(() => this.CONSUME(T.LevelLabel));
    this.AT_LEAST_ONE(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Value) },
        // An indicator named like a funding column: 预算执行率 (department-wide forms).
        { ALT: () => this.CONSUME(T.RateHeader) },
        { ALT: () => this.CONSUME(T.ExecutedHeader) },
      ]);
    });
    this.CONSUME(T.RowEnd);
  });

  /**
   * An evaluation-criteria table (Hubei 财政预算支出项目绩效目标自评表,
   * Ningxia): 一级指标 | (二级指标 |) 评价内容 | 分值 | 自评分 | 复核分 |
   * 评价标准及依据, its rows, and 小计 rows after a group (values: the
   * normaliser tells them by their token).
   */
  public criteriaBlock = this.RULE("criteriaBlock", () => {
    this.SUBRULE(this.criteriaHeader);
    this.MANY({
      GATE: () => !this.rowHas(T.TotalScoreLabel),
      DEF: () => {
        this.OR([
          // The header repeated at the top of the next page.
          { ALT: () => this.SUBRULE2(this.criteriaHeader) },
          { ALT: () => this.SUBRULE(this.criteriaRow) },
          { ALT: () => this.SUBRULE(this.furnitureRow) },
        ]);
      },
    });
  });

  public criteriaHeader = this.RULE("criteriaHeader", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.IndicatorColumnHeader) },
      { ALT: () => this.CONSUME(T.CriteriaColumnHeader) },
    ]);
    // A column no token knows is kept, so the normaliser can say it does not read it.
    this.MANY(() => {
      this.OR2([
        { ALT: () => this.CONSUME2(T.IndicatorColumnHeader) },
        { ALT: () => this.CONSUME2(T.CriteriaColumnHeader) },
        { ALT: () => this.CONSUME(T.TextCell) },
      ]);
    });
    this.CONSUME(T.RowEnd);
  });

  public criteriaRow = this.RULE("criteriaRow", () => {
    this.AT_LEAST_ONE(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Value) },
        { ALT: () => this.CONSUME(T.LevelLabel) },
        // A criterion named like a funding column: 预算执行率, 资金到位率 ….
        { ALT: () => this.CONSUME(T.RateHeader) },
        { ALT: () => this.CONSUME(T.ExecutedHeader) },
        { ALT: () => this.CONSUME(T.ReceivedHeader) },
      ]);
    });
    this.CONSUME(T.RowEnd);
  });

  public closingRows = this.RULE("closingRows", () => {
    this.MANY(() => {
      this.OR([
        { GATE: () => this.rowHas(T.TotalScoreLabel), ALT: () => this.SUBRULE(this.totalRow) },
        { ALT: () => this.SUBRULE(this.gradeRow) },
        { ALT: () => this.SUBRULE(this.noteRow) },
        { ALT: () => this.SUBRULE(this.signOffRow) },
        { ALT: () => this.SUBRULE(this.furnitureRow) },
      ]);
    });
  });

  /** 填报人：张三 审核人：李四 联系电话：…: one or more labels, each with the values after it. */
  public signOffRow = this.RULE("signOffRow", () => {
    this.AT_LEAST_ONE(() => {
      this.CONSUME(T.SignOffLabel);
      this.MANY(() => this.CONSUME(T.Value));
    });
    this.CONSUME(T.RowEnd);
  });

  public totalRow = this.RULE("totalRow", () => {
    this.MANY(() => this.CONSUME(T.Value));
    this.CONSUME(T.TotalScoreLabel);
    this.MANY2(() => this.CONSUME2(T.Value));
    this.CONSUME(T.RowEnd);
  });

  public gradeRow = this.RULE("gradeRow", () => {
    this.CONSUME(T.GradeLabel);
    this.MANY(() => this.CONSUME(T.Value));
    this.CONSUME(T.RowEnd);
  });

  public noteRow = this.RULE("noteRow", () => {
    this.CONSUME(T.NoteLabel);
    this.MANY(() => this.CONSUME(T.Value));
    this.CONSUME(T.RowEnd);
  });
}

/** The one parser instance (Chevrotain parsers are built once and reused). */
export const selfEvaluationParser = new SelfEvaluationParser();
