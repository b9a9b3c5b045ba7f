"""Word lists for the workload generator (``remit.orgfile.generate``).

Private data: the functions of a company with their units, roles, result areas,
targets and the objects their responsibilities act on, plus the phrase lists
responsibility statements are composed from. Kept as compact line-based text
(parsed once at import) so that a reviewer can read it as prose.

Placeholders in braces (``{site}``, ``{boss}``, ``{pct}`` …) are filled by the
generator. Within each phrase list (qualifiers, follow-ups and standards of a kind,
deadlines), any two templates differ in at least three words other than "the", "of",
"and" and the like: the generator's near-duplicate guarantee relies on it.
"""

from typing import NamedTuple

# --- the functions of the company ------------------------------------------------------
#
# "= CODE | name | head title | team word | what the department is for" starts a function;
# "unit CODE | name | what it is for | focus areas (indices)";
# "role CODE | title | tier (spec: 1–3 holders, staff: many)"; "lead title";
# "area title | description", followed by its "target statement | metric | target | period"
# and "object phrase | kind" lines; "content", "outcome", "skill", "procedure", "goal",
# "project" and "lesson" take "|"-separated lists;
# "objective title | metric | unit | baseline | target | value [| scale]";
# "risk category | source | title", followed by "control kind | title | activity" and
# "contingency trigger | step; step; …";
# "resource category | name | unit | quantity | value".
#
# Object kinds choose the verbs and standards that fit: doc (documents), proc (processes),
# rel (outside parties), team (the company's own people), data (records and figures),
# asset (equipment and premises), issue (cases to handle).

_FUNCTIONS = """
= MGT | Executive Office | Chief Executive Officer | management | Sets the direction, allocates resources and holds the management team to account.
role EA | Executive Assistant | spec
role STR | Strategy Manager | spec
role IA | Internal Auditor | spec
role COS | Chief of Staff | spec
role PMO | Programme Manager | spec
lead Office Lead
area Strategy and direction | The company knows where it is going and why.
  target The strategic plan is approved and communicated | share of managers briefed on the plan | 100 % | yearly
  target Strategic objectives are on track | share of objectives on track | ≥ {pct3} % | quarterly
  object the strategic plan | doc
  object the annual company objectives | doc
  object the yearly strategy review | proc
  object market and competitor developments | data
  object acquisition opportunities | data
  object long-term investment priorities | doc
  object the company's mission and values | doc
area Company performance | Results are known early and acted on.
  target The company meets its profit target | operating margin | ≥ 8 % | yearly
  target Monthly results are reviewed promptly | working days from month end to review | ≤ {n} | monthly
  object the monthly management report | doc
  object the company scorecard | data
  object the annual budget | doc
  object the management review | proc
  object key performance indicators | data
  object quarterly forecasts | doc
area Leadership team | The management team is complete, capable and aligned.
  target Key positions have a named successor | share of key positions with a successor | ≥ {pct3} % | yearly
  target Leadership team members have agreed objectives | share with agreed objectives | 100 % | yearly
  object the leadership team | team
  object the succession plan | doc
  object management team meetings | proc
  object senior appointments | doc
  object the directors | team
  object leadership offsites | proc
area Stakeholder relations | Owners, banks and authorities trust the company.
  target Shareholders receive the quarterly report on time | reports sent on time | 100 % | quarterly
  target Bank covenants are met | covenant breaches | 0 | quarterly
  object the shareholders | rel
  object the company's banks | rel
  object the advisory board meeting | proc
  object the annual report | doc
  object local authorities | rel
  object press and media enquiries | issue
area Governance and risk | Decisions follow clear rules and major risks are under control.
  target The risk register is reviewed regularly | risk reviews held | ≥ 4 per year | yearly
  target Audit findings are closed on time | share of findings closed by the agreed date | ≥ {pct} % | quarterly
  object the company risk register | data
  object internal audit findings | issue
  object the signature rules | doc
  object the code of conduct | doc
  object conflicts of interest | issue
  object the delegation of authority matrix | doc
content sets the company's direction | leads the management team | allocates capital and people to the priorities | represents the company towards owners and banks
outcome the company grows profitably | the owner's objectives are met | every manager knows what is expected
skill Strategic planning | Leadership | Corporate governance | Board reporting | Change management | Stakeholder management | Mergers and acquisitions | Internal audit
procedure Annual strategy review | Approval of capital expenditure | Appointment of senior managers | Management review | Delegation of authority
objective Raise the operating margin | operating margin | % | 6.5 | 9 | wealth
objective Reduce the owner's weekly working hours | owner's working hours per week | hours | 62 | 45 | quality_of_life
objective Become the preferred employer in the region | employer ranking in the regional survey | rank | 14 | 5 | status
goal Agree the five-year strategy | Strengthen the management team | Introduce a company scorecard
project Run the strategy workshops | Recruit a chief operating officer | Set up the advisory board | Roll out the scorecard | Revise the signature rules | Prepare the family succession plan
risk personnel | internal | Loss of a key manager without a successor
  control supervision | Succession review | Review the successor of every key position with the HR manager
  contingency A key manager resigns or is absent for more than four weeks | Appoint an acting manager from the succession plan; Inform the team and the key customers; Review open decisions and approvals; Start recruitment within two weeks
risk market | external | A sharp fall in demand in the main market
  control other | Monthly demand review | Compare order intake with the forecast and adjust capacity
  contingency Order intake falls more than 20 % below forecast for two months | Freeze spending that is not essential; Review the production plan; Talk to the main customers; Agree a cost plan with the bank
lesson Decide the budget before the year starts, not in February | Write down who decides what before the busy season | Meet the bank before you need the money
resource capital | Shareholder equity reserve | EUR | 1 | 2500000
resource government_relations | Chamber of commerce membership | membership | 1 | 4000

= FIN | Finance | Finance Director | finance | Keeps the books, pays suppliers, collects receivables and reports the financial position.
unit AP | Accounts Payable | Checks, books and pays supplier invoices. | 0
unit AR | Accounts Receivable | Invoices customers and collects what they owe. | 1
unit GL | General Ledger | Keeps the ledger and closes the books every month. | 2 5
unit TRS | Treasury | Manages cash, bank accounts and financing. | 3
unit CTL | Controlling | Plans budgets and explains the numbers. | 4
unit TAX | Tax | Files tax returns and keeps the company compliant. | 5
role ACC | Accountant | spec
role APC | Accounts Payable Clerk | staff
role CRC | Credit Controller | staff
role FAN | Financial Analyst | spec
role BKK | Bookkeeper | staff
role TRA | Treasury Analyst | spec
lead Team Lead
area Accounts payable | Suppliers are paid correctly, once and on time.
  target Supplier invoices are paid on time | share of invoices paid by the due date | ≥ {pct} % | monthly
  target No invoice is paid twice | duplicate payments | 0 | quarterly
  target Invoices are booked quickly | days from receipt to booking | ≤ {n} | weekly
  object supplier invoices | data
  object supplier statements | data
  object the weekly payment run | proc
  object vendor bank details | data
  object employee expense claims | doc
  object purchase order matching exceptions | issue
  object early payment discounts | data
area Accounts receivable | Customers are invoiced correctly and pay on time.
  target Customers pay on time | days sales outstanding | ≤ {days} days | monthly
  target Overdue receivables stay low | share of receivables over 60 days | ≤ {pct2} % | monthly
  object outgoing sales invoices | doc
  object overdue customer accounts | issue
  object customer credit limits | data
  object payment reminder letters | doc
  object invoice disputes | issue
  object cash application | proc
  object direct debit mandates | data
area Month-end close | The books close quickly and correctly.
  target The books close on time | working days to close | ≤ {n} | monthly
  target Adjustments after sign-off stay rare | post-closing adjustments | ≤ {n} | monthly
  object the month-end close | proc
  object balance sheet reconciliations | doc
  object accruals and deferrals | data
  object the general ledger | data
  object intercompany balances | data
  object the closing calendar | doc
  object provisions for doubtful debts | data
area Cash and treasury | The company always has the cash it needs at the lowest cost.
  target The cash forecast is accurate | deviation of the four-week cash forecast | ≤ {pct2} % | weekly
  target Bank covenants are met | covenant breaches | 0 | quarterly
  object the thirteen-week cash forecast | doc
  object bank accounts and mandates | data
  object bank statement reconciliations | data
  object the lending banks | rel
  object foreign currency exposures | data
  object guarantees and letters of credit | doc
area Budgeting and reporting | Managers know their numbers and can act on them.
  target Management reports are published on time | working days from month end to report | ≤ {n} | monthly
  target Cost centre managers sign off their budgets | share of budgets signed off by December | 100 % | yearly
  object the monthly finance pack | doc
  object the yearly budget round | proc
  object cost centre reports | doc
  object budget variance analyses | data
  object the rolling forecast | doc
  object capital expenditure tracking | data
  object product cost calculations | data
area Tax and audit | Taxes are filed correctly and audits pass without surprises.
  target Tax returns are filed on time | late filings | 0 | quarterly
  target Audit findings are closed | open audit findings older than 90 days | 0 | yearly
  object VAT returns | doc
  object the statutory audit | proc
  object transfer pricing documentation | doc
  object the fixed asset register | data
  object withholding tax filings | doc
  object information requests from the auditors | issue
content keeps the books | pays suppliers and collects receivables | prepares budgets and management reports | manages cash and the relations with the banks
outcome the company always knows its financial position | cash is available when it is needed | the books pass the audit without findings
skill Financial accounting | IFRS | Management accounting | Cash management | VAT and indirect tax | Credit control | Budgeting | Financial analysis | Bank reconciliation | Audit preparation | Cost accounting | Payroll accounting
procedure Month-end close | Supplier invoice processing | Customer credit check | Payment run | Travel expense claims | Fixed asset capitalisation
objective Reduce days sales outstanding | days sales outstanding | days | 58 | 45 | wealth
objective Close the books within five working days | working days to close | days | 9 | 5 | quality_of_life
goal Shorten the month-end close | Automate supplier invoice processing | Improve cash collection
project Introduce e-invoicing for suppliers | Implement a consolidation tool | Clean up the vendor master data | Renegotiate the credit facility | Automate bank reconciliations | Introduce a rolling forecast
risk credit | external | A major customer cannot pay its invoices
  control credit_check | Customer credit check | Check the credit limit and rating of every customer before an order above the limit is accepted
  contingency A customer owing more than EUR 100,000 misses two payments | Stop deliveries on credit; Call the customer's finance director; Claim under the credit insurance; Agree a payment plan or start collection
risk financial | internal | Payment to a fraudulent bank account
  control approval | Four-eyes check of vendor bank details | Confirm every change of vendor bank details by phone with a known contact before it is saved
  contingency A payment to a wrong account is discovered | Ask the bank to recall the payment at once; Report the fraud to the police; Block the vendor record; Review all bank detail changes of the last three months
lesson Confirm changes of bank details by phone, never by e-mail | Start the audit preparation in October, not in January | Agree the cut-off date with the warehouse before the stock count
resource capital | Revolving credit facility | EUR | 1 | 5000000
resource technology | Accounting system licences | licence | 40 | 60000

= SAL | Sales | Sales Director | sales | Wins and keeps customers and turns the sales plan into orders.
unit KAM | Key Accounts | Manages the largest customers. | 0 4
unit FLD | Field Sales | Visits and wins customers in the regions. | 1 3
unit INS | Inside Sales | Handles quotes, orders and smaller customers by phone and e-mail. | 2 5
unit EXP | Export | Sells to customers and distributors abroad. | 1 3
unit SOP | Sales Operations | Runs pricing, forecasts and the CRM. | 4 5
role AM | Account Manager | spec
role SR | Sales Representative | staff
role ISR | Inside Sales Representative | staff
role SOA | Sales Operations Analyst | spec
role QS | Quotation Specialist | staff
role ASM | Area Sales Manager | spec
lead Sales Team Lead
area Key account management | The largest customers stay, buy more and are profitable.
  target Key accounts are retained | key account retention | ≥ {pct} % | yearly
  target Each key account has an agreed account plan | share of key accounts with a plan | 100 % | yearly
  object key account plans | doc
  object key customers | rel
  object annual price agreements | doc
  object quarterly business reviews | proc
  object contract volume commitments | data
  object key account profitability | data
area Order intake | The sales plan is met month by month.
  target Order intake reaches plan | order intake against plan | ≥ {pct} % | monthly
  target New customers are won | new customers won | ≥ {n} | quarterly
  object new customer prospects | rel
  object the sales pipeline | data
  object customer visit plans | proc
  object trade fair leads | data
  object lost opportunities | issue
  object the order intake forecast | doc
area Quotations and orders | Customers get accurate quotes and confirmations fast.
  target Quotes are sent quickly | share of quotes sent within two working days | ≥ {pct} % | weekly
  target Order confirmations are correct | share of orders confirmed without correction | ≥ {pct} % | monthly
  object customer quotations | doc
  object incoming sales orders | data
  object order confirmations | doc
  object delivery date requests | issue
  object framework order call-offs | data
  object credit holds on orders | issue
area Regional market | The region's customers are covered and the market is known.
  target Every A-customer is visited | share of A-customers visited | 100 % | quarterly
  target Market share in the region grows | growth of regional market share | ≥ 1 point | yearly
  object distributor partners | rel
  object the regional customer list | data
  object competitor prices | data
  object regional sales meetings | proc
  object regional trade associations | rel
  object local marketing actions | proc
area Pricing and forecasting | Prices protect the margin and the forecast can be trusted.
  target The sales forecast is accurate | forecast accuracy | ≥ {pct3} % | monthly
  target Discounts stay within policy | share of orders above the discount limit | ≤ {pct2} % | monthly
  object the price list | doc
  object the monthly sales forecast | doc
  object discount requests | doc
  object product margin reports | data
  object price increase letters | doc
  object rebate agreements | doc
area Sales administration | Sales data is complete and the CRM reflects reality.
  target CRM data is complete | share of opportunities with a next step and date | ≥ {pct} % | weekly
  target Commissions are paid correctly | commission corrections | 0 | quarterly
  object CRM opportunities | data
  object customer master data | data
  object sales commission statements | doc
  object the weekly sales report | doc
  object sales territory assignments | data
  object customer visit reports | doc
content wins new customers | manages the relations with existing customers | prepares quotes and handles orders | keeps the sales forecast and the CRM up to date
outcome the sales plan is met at the agreed margin | customers stay and buy more | management can rely on the sales forecast
skill Consultative selling | Key account management | Negotiation | CRM (Salesforce) | Pricing | Sales forecasting | Tender writing | Presentation skills | Territory planning | Export documentation | Customer needs analysis | Objection handling
procedure Quotation and pricing approval | Order entry and confirmation | Key account planning | Tender response | New customer onboarding
objective Grow annual sales | annual sales | EUR million | 42 | 55 | wealth | scale
objective Raise the export share of sales | export share of sales | % | 18 | 30 | status
goal Enter two new export markets | Raise the key account share | Professionalise the sales process
project Select distributors in Poland | Launch the new price list | Introduce a CRM pipeline review | Prepare the trade fair in Hannover | Set up the key account programme | Train the sales team in negotiation
risk market | external | Loss of the largest customer
  control other | Key account health review | Review the relationship health and the share of wallet of the top 20 customers
  contingency The largest customer announces that it will switch supplier | Set up a meeting at managing director level; Prepare a retention offer; Reassign capacity to the pipeline; Update the sales forecast and the budget
risk compliance | internal | Sales agreements that break competition law
  control legal_review | Legal review of distributor agreements | Have the legal team review every new or changed distributor agreement before signature
  contingency A competition authority opens an investigation | Inform the managing director and external counsel; Secure all related documents; Stop the practice under review; Brief the sales team on what to say
lesson Agree the price validity in every quote | Visit a new customer within a month of the first order | Keep discount approvals in the CRM, not in e-mails
resource customer_relations | Key account relationships | account | 25 |
resource technology | CRM licences | licence | 60 | 45000

= MKT | Marketing | Marketing Director | marketing | Builds the brand, generates leads and supports sales with campaigns and content.
unit BRD | Brand and Communication | Keeps the brand, the website and press relations. | 0
unit DIG | Digital Marketing | Runs online campaigns, social media and the newsletter. | 1
unit PMK | Product Marketing | Positions products and prepares launches. | 2 4
unit EVT | Events | Organises trade fairs and customer events. | 3
unit MI | Market Intelligence | Researches markets, customers and competitors. | 4
role MS | Marketing Specialist | spec
role CMG | Content Manager | spec
role DMS | Digital Marketing Specialist | spec
role GD | Graphic Designer | staff
role EC | Event Coordinator | staff
role PMM | Product Marketing Manager | spec
lead Marketing Team Lead
area Brand and communication | The brand is consistent and known by the target customers.
  target Brand awareness grows | aided brand awareness in target segments | ≥ {pct3} % | yearly
  target Materials follow the brand guidelines | share of materials approved before use | 100 % | quarterly
  object the brand guidelines | doc
  object the company website | data
  object press releases | doc
  object customer case studies | doc
  object the corporate presentation | doc
  object journalists and trade media | rel
area Lead generation | Campaigns bring enough qualified leads for sales.
  target Marketing delivers qualified leads | qualified leads per month | ≥ 120 | monthly
  target Campaigns pay back | cost per qualified lead | ≤ EUR 90 | quarterly
  object online campaigns | proc
  object the customer newsletter | doc
  object social media channels | data
  object marketing qualified leads | data
  object webinars for prospects | proc
  object landing pages | data
area Product launches | New products reach the market on time with a clear message.
  target Launches happen on the planned date | share of launches on time | ≥ {pct3} % | quarterly
  target Sales teams are trained before launch | share of sales staff trained | 100 % | quarterly
  object product launch plans | doc
  object product data sheets | doc
  object sales training materials | doc
  object the product portfolio | data
  object launch press events | proc
  object pricing proposals for new products | doc
area Events and trade fairs | Events bring meetings with the right customers.
  target Trade fairs generate meetings | qualified meetings per fair | ≥ 40 | yearly
  target Events stay within budget | events within budget | 100 % | yearly
  object the trade fair calendar | doc
  object customer events | proc
  object event suppliers | rel
  object the exhibition stand | asset
  object visitor follow-up lists | data
  object promotional giveaways | asset
area Market research | Decisions rest on facts about markets and customers.
  target The market report is updated | market reports published | ≥ 2 per year | yearly
  target Customer satisfaction is measured | customers surveyed | ≥ 200 per year | yearly
  object the market size model | data
  object customer satisfaction surveys | proc
  object competitor product comparisons | doc
  object win-loss interviews | proc
  object market research agencies | rel
  object customer segmentation | data
content builds the brand | generates leads for the sales team | prepares product launches | organises trade fairs and events
outcome the company is known by the customers it wants | sales has enough qualified leads | launches reach the market on time
skill Brand management | Content writing | Search engine optimisation | Online advertising | Marketing automation | Event management | Market research | Graphic design | Copywriting | Web analytics | Public relations | Product positioning
procedure Campaign approval | Press release approval | Trade fair preparation | Product launch checklist | Use of customer logos
objective Double the qualified leads from online channels | online qualified leads per month | leads | 60 | 120 | wealth
objective Be ranked among the top three brands in the trade survey | brand ranking in the trade survey | rank | 6 | 3 | status
goal Relaunch the company website | Build a lead generation engine | Strengthen the brand in export markets
project Redesign the website | Introduce marketing automation | Produce ten customer case studies | Prepare the product catalogue | Run the brand awareness survey | Organise the customer day
risk legal | internal | Use of images or texts without a licence
  control legal_review | Rights check of marketing materials | Check the licence of every image, font and text before publication
  contingency A rights holder claims damages for an image | Remove the material from all channels; Ask legal to assess the claim; Find the licence or a replacement; Brief the agency on the rules
risk market | external | A campaign harms the brand's reputation
  control approval | Campaign sign-off | Have every campaign approved by the marketing director before launch
  contingency A campaign draws public criticism | Pause the campaign; Agree a statement with the managing director; Answer questions within a day; Review the approval process
lesson Book the trade fair stand a year ahead | Test every campaign on a small audience first | Ask sales which leads they actually want
resource technology | Marketing automation platform | licence | 1 | 24000
resource customer_relations | Newsletter subscriber base | subscriber | 12000 |

= OPS | Production | Plant Director | production | Makes the products in the right quantity and quality, on time and at the planned cost.
unit ASM | Assembly | Assembles the products on the lines. | 0 1
unit MAC | Machining | Machines parts on CNC centres. | 0 3
unit PPL | Production Planning | Plans the orders on the lines and the materials they need. | 2
unit MNT | Maintenance | Keeps the machines and utilities running. | 3
unit PEN | Process Engineering | Improves the processes and introduces new products. | 4 5
unit PCK | Packing | Packs finished goods for shipment. | 0 1
role OP | Machine Operator | staff
role ASB | Assembly Worker | staff
role TEC | Maintenance Technician | staff
role PLN | Production Planner | spec
role PE | Process Engineer | spec
role SET | Setter | staff
lead Shift Supervisor
area Production output | The plan is produced on time.
  target Orders are finished on time | share of orders finished by the planned date | ≥ {pct} % | weekly
  target The lines run at the planned speed | overall equipment effectiveness | ≥ {pct3} % | monthly
  object the production orders of the shift | proc
  object the assembly line | asset
  object shift handover notes | doc
  object output and scrap figures | data
  object line changeovers | proc
  object shift crews | team
  object the production dashboard | data
area Product quality at source | Products are right the first time.
  target First pass yield is high | first pass yield | ≥ {pct} % | weekly
  target Internal scrap stays low | scrap rate | ≤ {pct2} % | monthly
  object first-article inspections | proc
  object work instructions | doc
  object non-conforming parts | issue
  object in-process quality checks | data
  object poka-yoke devices | asset
  object operator self-checks | proc
area Production planning | Orders are planned realistically and materials are there when needed.
  target The weekly plan is stable | share of orders not rescheduled in the frozen week | ≥ {pct3} % | weekly
  target Materials are available at start | orders started without a shortage | ≥ {pct} % | weekly
  object the weekly production plan | doc
  object material requirements | data
  object capacity load figures | data
  object rush order requests | issue
  object the master production schedule | doc
  object subcontracted operations | proc
area Maintenance | The machines run reliably and safely.
  target Breakdowns stay rare | unplanned downtime | ≤ {pct2} % of planned time | monthly
  target Preventive maintenance is done on time | share of preventive jobs done on time | ≥ {pct} % | monthly
  object preventive maintenance jobs | proc
  object CNC machining centres | asset
  object the spare parts stock | data
  object machine breakdowns | issue
  object compressed air and utilities | asset
  object lubrication rounds | proc
  object machine condition monitoring | data
area Continuous improvement | The plant gets a little better every week.
  target Improvement ideas are implemented | implemented ideas per employee | ≥ {n} per year | yearly
  target Cost per unit falls | reduction of conversion cost per unit | ≥ {pct2} % | yearly
  object improvement ideas | issue
  object value stream maps | doc
  object 5S audits | proc
  object the daily shop-floor meeting | proc
  object kaizen events | proc
  object setup time measurements | data
area New product introduction | New products start production smoothly.
  target New products reach series quality quickly | weeks from first series to target yield | ≤ 6 | quarterly
  target Trial runs are documented | trial runs with a signed report | 100 % | quarterly
  object trial production runs | proc
  object process failure mode analyses | doc
  object production tooling | asset
  object the bills of materials | data
  object pilot series | proc
  object production readiness reviews | doc
content runs the production lines | plans orders and materials | maintains the machines | improves the processes
outcome orders are produced on time and right the first time | the machines run reliably | the cost per unit falls every year
skill CNC programming | Machine operation | Lean manufacturing | Production planning | Preventive maintenance | Hydraulics | Electrical maintenance | Root cause analysis | SMED | Welding | Forklift licence | Reading technical drawings
procedure Line changeover | Shift handover | Lockout and tagout | First-article inspection | Handling of non-conforming parts | Preventive maintenance planning
objective Raise overall equipment effectiveness | overall equipment effectiveness | % | 61 | 75 | wealth
objective Cut the scrap rate in half | scrap rate | % | 4.2 | 2.1 | wealth
goal Raise the output of the assembly lines | Introduce total productive maintenance | Cut changeover times
project Introduce SMED on line 3 | Replace the paint shop conveyor | Roll out 5S in machining | Implement the maintenance planning system | Automate the end-of-line test | Prepare the new product line
risk operational | internal | Breakdown of the main press line
  control inspection | Press line inspection | Inspect the press line and its safety devices against the maintenance checklist
  contingency The press line stops for more than 24 hours | Move urgent orders to the second line; Call the machine supplier's service; Inform sales about delivery dates; Run extra shifts after the repair
risk safety | internal | Injury at a machine without guarding
  control inspection | Machine guarding audit | Audit the guarding and emergency stops of every machine
  contingency An employee is injured at a machine | Give first aid and call the emergency services; Stop and secure the machine; Inform the safety manager and the authorities; Investigate the cause before restarting
lesson Keep one set of critical spare parts for every line | Plan changeovers at the start of the shift | Ask the operators before buying a new machine
resource facilities | CNC machining centres | machine | 12 | 3600000
resource people | Qualified machine operators | person | 80 |

= PRC | Purchasing | Purchasing Director | purchasing | Buys materials and services at the right quality, price and time and manages the suppliers.
unit STR | Strategic Sourcing | Selects suppliers and negotiates frame contracts. | 0 1
unit OPB | Operational Purchasing | Places and follows up purchase orders. | 2
unit SQM | Supplier Quality | Assesses and develops suppliers. | 3
unit IND | Indirect Purchasing | Buys services, IT and office needs. | 4
unit MDM | Purchasing Data | Keeps the supplier and material data. | 5
role BUY | Buyer | spec
role PA | Purchasing Assistant | staff
role CB | Commodity Buyer | spec
role SQE | Supplier Quality Engineer | spec
role EXP | Expediter | staff
lead Purchasing Team Lead
area Supplier selection | The company buys from the best suppliers at competitive prices.
  target Savings reach plan | negotiated savings against plan | ≥ {pct3} % | yearly
  target Spend is under contract | share of spend under frame contracts | ≥ {pct3} % | quarterly
  object supplier tenders | proc
  object frame contracts | doc
  object strategic suppliers | rel
  object commodity strategies | doc
  object requests for quotation | doc
  object supplier market analyses | data
area Contract management | Contracts are valid, known and followed.
  target Contracts are renewed before expiry | contracts expired without renewal | 0 | quarterly
  target Contract terms are applied | invoices at contract price | ≥ {pct} % | monthly
  object the contract register | data
  object contract renewals | proc
  object price adjustment clauses | doc
  object supplier claims | issue
  object confidentiality undertakings from suppliers | doc
  object consignment stock agreements | doc
area Purchase orders | Orders are placed correctly and arrive on time.
  target Suppliers deliver on time | supplier on-time delivery | ≥ {pct} % | weekly
  target Orders are placed from approved requisitions | orders without an approved requisition | 0 | monthly
  object purchase requisitions | doc
  object open purchase orders | data
  object late supplier deliveries | issue
  object order acknowledgements | doc
  object delivery schedule changes | issue
  object blanket purchase orders | data
area Supplier quality | Suppliers deliver good parts and improve.
  target Supplier defects stay low | supplier defects per million parts | ≤ 500 | monthly
  target Key suppliers are audited | key suppliers audited | 100 % | yearly
  object supplier audits | proc
  object supplier complaints | issue
  object the approved supplier list | data
  object supplier development plans | doc
  object production part approvals | doc
  object supplier scorecards | data
area Indirect spend | Services and overheads are bought with the same care as materials.
  target Indirect spend goes through purchasing | share of indirect spend with a purchase order | ≥ {pct3} % | quarterly
  target Service contracts are benchmarked | service contracts benchmarked | ≥ 1 in 3 per year | yearly
  object service level agreements | doc
  object facility service providers | rel
  object software subscriptions | data
  object travel and fleet contracts | doc
  object maverick buying cases | issue
  object catalogue buying channels | data
area Purchasing data | Supplier and material data is complete and correct.
  target Supplier records are complete | supplier records with all mandatory fields | ≥ {pct} % | monthly
  target Purchase prices are current | material records with a current price | ≥ {pct} % | monthly
  object supplier master records | data
  object material info records | data
  object spend analyses | data
  object supplier self-assessments | doc
  object purchasing price variances | data
  object payment terms of suppliers | data
content selects suppliers and negotiates contracts | places and follows up purchase orders | develops supplier quality | manages indirect spend
outcome materials arrive on time at the agreed price and quality | the company buys from the best suppliers | purchasing costs fall every year
skill Negotiation | Contract law basics | Supplier auditing | Spend analysis | Incoterms | Cost breakdown analysis | SAP MM | Tender management | Supplier development | Category management | Risk assessment of suppliers
procedure Supplier selection and approval | Purchase order release | Contract renewal | Supplier audit | Emergency purchase
objective Reduce the cost of purchased materials | material cost reduction | % | 0 | 4 | wealth
objective Raise supplier on-time delivery | supplier on-time delivery | % | 86 | 96 | quality_of_life
goal Build a second source for critical parts | Introduce purchasing category management | Digitise the purchase-to-pay process
project Tender the steel frame contract | Qualify a second supplier for castings | Introduce a supplier portal | Renegotiate the logistics contracts | Run supplier audits in Asia | Clean up the supplier master data
risk inventory | external | Sole supplier of a critical part stops delivering
  control supervision | Supplier risk review | Review the financial health and the delivery performance of all sole suppliers
  contingency A sole supplier announces that it will stop deliveries | Check the stock and the open orders; Call the second-source candidates; Ask engineering to approve alternatives; Inform sales about possible delays
risk compliance | external | A supplier breaches labour or environmental law
  control audit | Supplier code of conduct audit | Audit suppliers in high-risk countries against the supplier code of conduct
  contingency A supplier is reported for child labour | Suspend orders pending investigation; Commission an independent audit; Inform the managing director and the main customers; Agree a remediation plan or exit
lesson Always have a second source qualified before you need it | Put price adjustment rules in every frame contract | Visit new suppliers before the first order
resource technology | Supplier portal | licence | 1 | 18000
resource customer_relations | Approved supplier base | supplier | 240 |

= LOG | Logistics | Logistics Director | logistics | Receives, stores and ships the goods and keeps the stock right.
unit WH | Warehouse | Receives, stores and picks goods. | 0 1
unit SHP | Shipping | Plans transport and ships orders to customers. | 2
unit INV | Inventory Control | Keeps the stock figures right. | 1 3
unit CUS | Customs | Handles import and export formalities. | 4
unit FLT | Fleet | Runs the company's trucks and vans. | 5
role WO | Warehouse Operative | staff
role FLD | Forklift Driver | staff
role DSP | Dispatcher | spec
role IC | Inventory Controller | spec
role CSP | Customs Specialist | spec
role DRV | Truck Driver | staff
lead Warehouse Supervisor
area Goods receipt and storage | Goods are received quickly and stored where they can be found.
  target Goods are put away quickly | share of receipts put away within 24 hours | ≥ {pct} % | weekly
  target Storage locations are right | location accuracy | ≥ {pct} % | monthly
  object incoming deliveries | proc
  object delivery notes | doc
  object racking and storage locations | asset
  object damaged goods | issue
  object dock appointments | proc
  object hazardous materials storage | asset
area Picking and stock accuracy | The stock figures match what is on the shelves.
  target Stock records are accurate | inventory record accuracy | ≥ {pct} % | monthly
  target Picking errors are rare | picking errors per 1,000 lines | ≤ {n} | weekly
  object cycle counts | proc
  object stock differences | issue
  object picking lists | doc
  object slow-moving stock | data
  object wave picking plans | doc
  object returns to stock | proc
area Transport and shipping | Customers receive their goods on time and undamaged.
  target Orders ship on time | share of orders shipped on the confirmed day | ≥ {pct} % | weekly
  target Freight cost stays on budget | freight cost per shipment against budget | ≤ 100 % | monthly
  object outbound shipments | proc
  object carrier bookings | data
  object freight invoices | data
  object transport damage claims | issue
  object haulage companies | rel
  object delivery routes | data
  object proof of delivery documents | doc
area Inventory planning | Stock is high enough to serve and low enough to pay for.
  target Inventory turns improve | inventory turns | ≥ 6 | quarterly
  target Stock-outs are rare | lines out of stock | ≤ {pct2} % | weekly
  object safety stock levels | data
  object the inventory forecast | doc
  object obsolete stock write-offs | doc
  object replenishment orders | proc
  object stock reservations for projects | data
  object consignment stock at customers | data
area Customs and trade compliance | Goods cross borders without delays or fines.
  target Customs declarations are correct | rejected declarations | 0 | monthly
  target Export licences are checked | shipments screened against sanction lists | 100 % | weekly
  object customs declarations | doc
  object export control screenings | data
  object customs brokers | rel
  object origin certificates | doc
  object customs tariff classifications | data
  object bonded warehouse records | data
area Fleet and equipment | Trucks and forklifts are safe and available.
  target Vehicles pass inspection | vehicles with a valid inspection | 100 % | monthly
  target Forklift drivers are licensed | drivers with a valid licence | 100 % | quarterly
  object company trucks | asset
  object forklift trucks | asset
  object driver logbooks | doc
  object fuel card statements | data
  object vehicle lease contracts | doc
  object tachograph records | data
content receives and stores goods | picks and ships customer orders | keeps the stock records right | handles customs and the fleet
outcome customers receive the right goods on time | the stock figures can be trusted | logistics costs stay within budget
skill Warehouse management | Forklift licence | Inventory control | Transport planning | Customs clearance | Incoterms | Dangerous goods handling | SAP WM | Route planning | Export control | Truck driving licence C
procedure Goods receipt | Cycle count | Dangerous goods shipment | Export declaration | Forklift daily check | Handling of transport damage
objective Raise inventory record accuracy | inventory record accuracy | % | 93 | 99 | quality_of_life
objective Ship every order on the confirmed day | on-time shipment | % | 89 | 97 | wealth
goal Introduce a warehouse management system | Reduce inventory by a fifth | Consolidate the regional warehouses
project Implement barcode scanning | Tender the outbound transport | Relayout the picking area | Introduce cycle counting | Close the overflow warehouse | Obtain authorised economic operator status
risk inventory | internal | Theft or loss of stock
  control stock_count | Quarterly stock count | Count a sample of high-value locations and investigate every difference
  contingency A stock difference above EUR 20,000 is found | Recount the locations concerned; Review the movements of the last month; Inform the finance director; Report to the police if theft is likely
risk compliance | external | Shipment to a sanctioned party
  control approval | Sanction list screening | Screen every new consignee against the sanction lists before the first shipment
  contingency A shipment to a listed party is discovered | Stop all further shipments to the party; Inform the authorities as the law requires; Brief the managing director and legal; Review the screening of all open orders
lesson Count the fast movers more often than the slow ones | Book transport before the quarter-end rush | Photograph every damaged delivery before signing
resource facilities | Central warehouse | square metre | 18000 | 9000000
resource facilities | Forklift trucks | truck | 24 | 720000

= QUA | Quality | Quality Director | quality | Makes sure products and processes meet the customers' and the law's requirements.
unit QA | Quality Assurance | Keeps the quality system and audits it. | 0 4
unit QC | Quality Control | Inspects incoming, in-process and finished goods. | 1
unit LAB | Laboratory | Tests materials and products. | 1 5
unit CQ | Customer Quality | Handles customer complaints and returns. | 2 3
unit MET | Metrology | Calibrates the measuring equipment. | 5
role QE | Quality Engineer | spec
role QI | Quality Inspector | staff
role LT | Laboratory Technician | staff
role QAS | Quality Assurance Specialist | spec
role MT | Metrology Technician | staff
lead Quality Team Lead
area Quality system | The quality system is certified and lived.
  target The certificate is kept | major findings at the certification audit | 0 | yearly
  target Procedures are up to date | procedures reviewed within their cycle | ≥ {pct} % | quarterly
  object the quality manual | doc
  object internal quality audits | proc
  object the certification audit | proc
  object quality procedures | doc
  object management review inputs | doc
  object process maps | doc
area Inspection and testing | Bad parts are stopped before they reach the customer.
  target Incoming inspection is timely | lots inspected within 24 hours | ≥ {pct} % | weekly
  target Escapes to the customer are rare | defective parts reaching customers per million | ≤ 50 | monthly
  object incoming goods inspections | proc
  object final product inspections | proc
  object test reports | doc
  object quarantined lots | issue
  object inspection plans | doc
  object retained samples | asset
area Customer complaints | Complaints are answered quickly and never repeat.
  target Complaints are answered on time | complaints answered within the agreed time | ≥ {pct} % | monthly
  target Complaints do not repeat | repeat complaints | 0 | quarterly
  object customer complaints | issue
  object 8D reports | doc
  object returned goods | issue
  object customer quality requirements | doc
  object customer quality portals | data
  object complaint cost claims | issue
area Corrective and preventive action | Root causes are removed for good.
  target Corrective actions are closed on time | actions closed by the due date | ≥ {pct3} % | monthly
  target Cost of poor quality falls | cost of poor quality as share of sales | ≤ {pct2} % | quarterly
  object corrective action plans | doc
  object quality incidents | issue
  object cost of poor quality figures | data
  object root cause analyses | doc
  object lessons learned sheets | doc
  object recurring defect trends | data
area Supplier and process audits | Processes and suppliers are checked where the risk is highest.
  target The audit programme is completed | audits done against plan | 100 % | yearly
  target Audit actions are closed | audit actions open after 90 days | 0 | quarterly
  object the audit programme | doc
  object process audits | proc
  object layered audits on the shop floor | proc
  object audit action lists | data
  object product audits | proc
  object auditor qualifications | data
area Measurement and testing equipment | Every measurement can be trusted.
  target Gauges are calibrated on time | gauges within their calibration date | 100 % | monthly
  target Measurement systems are capable | measurement systems with gauge R&R below 10 % | ≥ {pct3} % | yearly
  object measuring gauges | asset
  object calibration certificates | doc
  object tensile and hardness testers | asset
  object measurement system analyses | data
  object the gauge register | data
  object reference standards | asset
content keeps the quality system | inspects and tests the products | handles customer complaints | drives corrective actions
outcome customers receive products without defects | the certificate is kept without major findings | the cost of poor quality falls
skill ISO 9001 | Internal auditing | 8D problem solving | Statistical process control | Measurement system analysis | FMEA | Laboratory testing | Calibration | Root cause analysis | Complaint handling | IATF 16949
procedure Handling of customer complaints | Incoming inspection | Internal audit | Calibration of measuring equipment | Release of quarantined goods | Corrective action
objective Cut customer complaints in half | customer complaints per year | complaints | 120 | 60 | status
objective Keep the ISO 9001 certificate without major findings | major audit findings | findings | 2 | 0 | quality_of_life
goal Introduce statistical process control | Reduce the cost of poor quality | Prepare the IATF certification
project Train the 8D method | Introduce the complaint database | Set up layered process audits | Replace the coordinate measuring machine | Run the gap analysis for IATF | Introduce digital inspection plans
risk compliance | external | Loss of the quality certificate
  control audit | Internal audit programme | Audit every process of the quality system once a year and follow up the findings
  contingency The certification body raises a major finding | Inform the managing director the same day; Agree a containment action within a week; Prepare a corrective action plan; Book the follow-up audit
risk market | external | A product recall at a major customer
  control inspection | Final inspection | Inspect every lot against the inspection plan before release
  contingency A customer reports a safety-related defect in the field | Block all stock of the affected lots; Inform the customer and the managing director; Set up the recall team; Investigate the root cause
lesson Answer the customer within a day, even without the root cause | Calibrate the gauges before the audit, not after | Keep the retained samples for the full warranty period
resource technology | Coordinate measuring machine | machine | 2 | 380000
resource facilities | Quality laboratory | square metre | 350 |

= HR | Human Resources | HR Director | HR | Finds, develops and keeps the people the company needs and runs payroll and employment matters.
unit REC | Recruitment | Finds and hires new employees. | 0
unit PAY | Payroll and Administration | Pays salaries and keeps personnel files. | 1
unit LD | Learning and Development | Trains employees and develops leaders. | 2
unit ER | Employee Relations | Advises managers and works with the works council. | 3 4
unit CB | Compensation and Benefits | Designs pay, grades and benefits. | 5
role HRB | HR Business Partner | spec
role REC | Recruiter | spec
role PAY | Payroll Specialist | spec
role HRA | HR Assistant | staff
role TRC | Training Coordinator | spec
lead HR Team Lead
area Recruitment | Open positions are filled quickly with the right people.
  target Positions are filled quickly | days from opening to signed contract | ≤ {days} days | monthly
  target New hires stay | new hires still employed after a year | ≥ {pct3} % | yearly
  object job advertisements | doc
  object job candidates | rel
  object job interviews | proc
  object employment contracts | doc
  object recruitment agencies | rel
  object the careers website | data
area Payroll and administration | Everyone is paid correctly and on time.
  target Salaries are paid on time | payroll runs on time | 100 % | monthly
  target Payroll is correct | payroll corrections | ≤ {n} | monthly
  object the monthly payroll | proc
  object personnel files | data
  object sick leave records | data
  object payroll tax filings | doc
  object working time records | data
  object employment certificates | doc
area Learning and development | Employees have the skills their positions require.
  target Required training is completed | required training completed on time | ≥ {pct} % | quarterly
  target Every employee has a development talk | employees with a yearly development talk | 100 % | yearly
  object the training plan | doc
  object training records | data
  object new employee onboarding | team
  object the leadership programme | proc
  object apprenticeship programmes | proc
  object e-learning modules | data
area Employee relations | Conflicts are solved early and the works council is involved on time.
  target Works council consultations are on time | consultations started before the decision | 100 % | quarterly
  target Grievances are answered quickly | grievances answered within ten days | ≥ {pct} % | quarterly
  object the works council | rel
  object employee grievances | issue
  object disciplinary cases | issue
  object the employee handbook | doc
  object collective agreements | doc
  object exit interview results | data
area Health and well-being | Employees stay healthy and come to work.
  target Absence stays low | sickness absence rate | ≤ {pct2} % | monthly
  target Return-to-work talks happen | absences followed by a return-to-work talk | ≥ {pct} % | monthly
  object long-term sickness cases | issue
  object the occupational health service | rel
  object the employee survey | proc
  object well-being initiatives | proc
  object return-to-work plans | doc
  object company sports offers | proc
area Pay and benefits | Pay is fair, competitive and affordable.
  target Pay is competitive | positions paid within the market range | ≥ {pct3} % | yearly
  target The salary review is on budget | salary review cost against budget | ≤ 100 % | yearly
  object the grade structure | doc
  object the annual salary review | proc
  object pay benchmarks | data
  object the company car policy | doc
  object pension scheme enrolments | data
  object bonus calculations | data
content recruits new employees | runs the payroll | trains and develops employees | advises managers on employment matters
outcome the company has the people it needs when it needs them | every employee is paid correctly and on time | employees stay and grow
skill Recruitment | Interviewing | Employment law | Payroll | Training design | Coaching | Conflict resolution | Compensation design | HR information systems | Works council relations | Onboarding
procedure Recruitment and selection | Onboarding of new employees | Monthly payroll | Exit and handover | Annual performance review | Disciplinary procedure
objective Fill open positions within 45 days | average days to fill | days | 74 | 45 | quality_of_life
objective Reduce voluntary staff turnover | voluntary turnover | % | 14 | 8 | family
goal Build an employer brand | Introduce a leadership programme | Digitise personnel files
project Launch the careers website | Introduce structured interviews | Run the leadership programme for team leads | Replace the payroll system | Introduce the annual development talk | Scan the personnel archive
risk personnel | internal | Key skills leave with retiring employees
  control supervision | Skills succession review | Review every employee over 60 with a critical skill and agree a transfer plan
  contingency A critical expert leaves at short notice | Arrange an on-call contract with the expert; Document the knowledge in procedures; Start recruitment or external support; Pair a successor with the remaining team
risk legal | internal | Breach of employment law in a dismissal
  control legal_review | Dismissal review | Have HR and legal review every dismissal before it is announced
  contingency An employee sues the company over a dismissal | Inform the HR director and the lawyer; Collect all documents of the case; Agree the company's position; Consider a settlement
lesson Call the references yourself | Prepare the workplace before the first day | Involve the works council before you decide, not after
resource people | Recruitment budget for engineers | person | 12 |
resource technology | HR information system | licence | 1 | 36000

= IT | Information Technology | IT Director | IT | Runs the systems, networks and devices the company works with and keeps them secure.
unit SD | Service Desk | Helps users with devices and applications. | 0
unit INF | Infrastructure | Runs servers, networks and the cloud. | 1
unit APP | Business Applications | Runs and develops the ERP and other applications. | 2
unit SEC | Information Security | Protects systems and data. | 3
unit DAT | Data and Reporting | Runs the data warehouse and reports. | 4
role SDA | Service Desk Agent | staff
role SA | System Administrator | spec
role NE | Network Engineer | spec
role AC | Application Consultant | spec
role DEV | Software Developer | spec
role SEA | Security Analyst | spec
lead IT Team Lead
area User support | Users get help quickly and can work.
  target Tickets are solved quickly | tickets solved within the service level | ≥ {pct} % | weekly
  target Users are satisfied | user satisfaction score | ≥ {score} out of 10 | quarterly
  object support tickets | issue
  object laptops and phones | asset
  object user accounts | data
  object the IT knowledge base | doc
  object printers and meeting room equipment | asset
  object password reset requests | issue
area Infrastructure and operations | Systems are available when the business needs them.
  target Core systems are available | availability of core systems | ≥ 99.5 % | monthly
  target Backups can be restored | successful restore tests | 100 % | quarterly
  object server backups | proc
  object the company network | asset
  object cloud subscriptions | data
  object system monitoring alerts | issue
  object server capacity | data
  object the disaster recovery plan | doc
area Business applications | The ERP and other applications support the processes.
  target Change requests are delivered | change requests delivered on the agreed date | ≥ {pct3} % | monthly
  target Releases cause no outages | releases rolled back | 0 | quarterly
  object ERP change requests | issue
  object application releases | proc
  object user authorisations | data
  object interface error logs | data
  object test scripts for releases | doc
  object software vendors | rel
area Information security | Company and customer data are protected.
  target Security patches are applied | critical patches applied within 14 days | ≥ {pct} % | monthly
  target Staff recognise phishing | phishing test click rate | ≤ {pct2} % | quarterly
  object security patches | proc
  object access rights reviews | proc
  object security incidents | issue
  object the information security policy | doc
  object vulnerability scans | proc
  object privileged accounts | data
area Data and reporting | Managers get reliable reports from one source.
  target Reports are available each morning | daily reports ready by 7:00 | ≥ {pct} % | weekly
  target Data errors are corrected | data quality tickets older than 30 days | 0 | monthly
  object the data warehouse | data
  object management dashboards | doc
  object master data quality checks | data
  object report requests | issue
  object data definitions | doc
  object scheduled data loads | proc
content supports the users | runs servers, networks and the cloud | develops and maintains the business applications | protects the company's data
outcome the systems are available when the business needs them | company data is protected | users get help quickly
skill Windows administration | Linux administration | Networking | Cloud services | ERP configuration | SQL | Python | Information security | ITIL | Data modelling | Power BI | Identity and access management
procedure Incident management | Change management | User access request | Backup and restore | Security incident response | Onboarding of a new laptop
objective Reach 99.5 % availability of core systems | availability of core systems | % | 98.2 | 99.5 | quality_of_life
objective Move the data centre to the cloud | share of servers in the cloud | % | 20 | 90 | wealth
goal Upgrade the ERP system | Raise the information security level | Introduce self-service reporting
project Migrate the ERP to the new release | Introduce multi-factor authentication | Replace the firewalls | Set up the data warehouse | Run the phishing awareness campaign | Replace the laptops older than four years
risk operational | external | Ransomware attack encrypts company systems
  control other | Backup restore test | Restore a sample of systems from the offline backup and check the data
  contingency Ransomware is detected on a company system | Disconnect the affected systems from the network; Call the incident response partner; Inform management and, if data is affected, the authorities; Restore from the offline backup
risk compliance | internal | Personal data is disclosed without authorisation
  control audit | Access rights review | Review who has access to personal data in every system and remove what is not needed
  contingency Personal data is sent to a wrong recipient or leaked | Contain the leak and secure the evidence; Assess the risk for the people concerned; Notify the data protection authority within 72 hours if required; Inform the people concerned
lesson Test the restore, not only the backup | Never run a release on a Friday | Write the password rules so that people can follow them
resource technology | ERP system | licence | 1 | 450000
resource technology | Cloud hosting contract | contract | 1 | 120000

= CS | Customer Service | Customer Service Director | customer service | Answers customers, handles their requests and complaints and keeps them satisfied after the sale.
unit CC | Contact Centre | Answers calls, e-mails and chats. | 0 1
unit ORD | Order Desk | Enters and changes customer orders. | 2
unit FS | Field Service | Installs and repairs products at customers. | 3
unit RET | Returns and Warranty | Handles returns and warranty claims. | 4
unit SPA | Spare Parts | Sells and ships spare parts. | 5 2
role CSA | Customer Service Agent | staff
role OD | Order Desk Clerk | staff
role ST | Service Technician | staff
role WS | Warranty Specialist | spec
role SPS | Spare Parts Specialist | spec
lead Customer Service Team Lead
area Customer contacts | Customers reach someone quickly and get an answer the first time.
  target Calls are answered quickly | calls answered within 30 seconds | ≥ {pct3} % | weekly
  target Questions are solved at first contact | first contact resolution | ≥ {pct3} % | weekly
  object incoming customer calls | issue
  object customer e-mails | issue
  object the live chat | proc
  object standard customer replies | doc
  object call quality samples | data
  object the telephone queue | proc
area Customer satisfaction | Customers recommend the company.
  target Customers are satisfied | net promoter score | ≥ 40 | quarterly
  target Service complaints are rare | service complaints per 1,000 orders | ≤ {n} | monthly
  object customer satisfaction scores | data
  object service complaints | issue
  object the customer portal | data
  object customer feedback calls | proc
  object reasons why customers left | data
  object customer advisory panels | rel
area Order handling | Orders are entered correctly and changes are confirmed quickly.
  target Orders are entered on the day received | orders entered the same day | ≥ {pct} % | weekly
  target Order entry is correct | order entry errors | ≤ {pct2} per 1,000 | monthly
  object order changes | issue
  object backorder lists | data
  object delivery status enquiries | issue
  object customer order files | data
  object export order documents | doc
  object urgent delivery requests | issue
area Field service | Installations and repairs are done right the first time.
  target Repairs are fixed first time | first-time fix rate | ≥ {pct3} % | monthly
  target Technicians arrive on time | visits started in the agreed window | ≥ {pct} % | weekly
  object service visits | proc
  object installed equipment at customers | asset
  object service reports | doc
  object service vans | asset
  object service technicians' schedules | doc
  object customer training sessions | proc
area Returns and warranty | Returns and warranty claims are handled fairly and quickly.
  target Warranty claims are decided quickly | claims decided within ten days | ≥ {pct} % | monthly
  target Returns are credited on time | credits issued within five days of receipt | ≥ {pct} % | monthly
  object warranty claims | issue
  object returned products | asset
  object credit notes | doc
  object warranty cost reports | data
  object return authorisations | doc
  object claims against component makers | issue
area Spare parts business | Customers get spare parts fast and the business is profitable.
  target Spare parts ship quickly | parts orders shipped within 24 hours | ≥ {pct} % | weekly
  target Spare parts sales grow | spare parts sales growth | ≥ {pct2} % | yearly
  object spare parts orders | data
  object the spare parts catalogue | doc
  object spare parts quotations | doc
  object service contracts | doc
  object obsolete spare parts | data
  object spare parts kits | asset
content answers customer calls and e-mails | handles orders and order changes | repairs products at customers | handles returns and warranty claims
outcome customers get a quick and correct answer | customers recommend the company | warranty costs stay under control
skill Customer communication | Complaint handling | Order entry | Product knowledge | Field service | Electrical troubleshooting | Warranty handling | Spare parts sales | Telephone skills | De-escalation | Languages for customers
procedure Handling of a customer call | Order change | Warranty claim | Field service visit | Return of goods | Escalation of an unhappy customer
objective Raise the net promoter score | net promoter score | points | 22 | 40 | status
objective Grow the spare parts business | spare parts sales | EUR million | 6 | 9 | wealth | scale
goal Open a customer portal | Raise first contact resolution | Grow the service contract business
project Introduce the customer portal | Replace the telephone system | Train agents in complaint handling | Introduce service contracts | Set up the spare parts web shop | Introduce a knowledge base for agents
risk market | external | Customers leave after poor service
  control supervision | Complaint trend review | Review service complaints and satisfaction scores and agree actions
  contingency Satisfaction drops more than ten points in a quarter | Call the unhappy customers personally; Analyse the main complaint reasons; Agree quick fixes with the departments; Report weekly to the managing director
risk safety | internal | A technician is injured on a customer site
  control inspection | Field safety check | Check the safety equipment of every service van and technician
  contingency A technician is injured at a customer | Give first aid and call the emergency services; Inform the customer and the safety manager; Report the accident to the authorities; Investigate with the customer
lesson Promise only dates the planning can keep | Call back every customer who complained | Give technicians the most common parts in the van
resource people | Trained service technicians | person | 30 |
resource facilities | Service vans | vehicle | 25 | 875000

= RND | Engineering | Engineering Director | engineering | Develops new products and improves existing ones from idea to series production.
unit DES | Product Design | Designs products and keeps the drawings. | 0 1
unit ELE | Electronics and Software | Develops controls and embedded software. | 1 2
unit TST | Testing and Validation | Tests prototypes and validates designs. | 2
unit DOC | Technical Documentation | Writes manuals and keeps product data. | 3
unit CER | Certification | Gets products certified for their markets. | 4
unit ADV | Advanced Development | Explores new technologies. | 5
role DE | Design Engineer | spec
role EE | Electronics Engineer | spec
role SWE | Embedded Software Engineer | spec
role TE | Test Engineer | spec
role TW | Technical Writer | spec
role DRA | CAD Draughtsperson | staff
lead Engineering Team Lead
area Product development | New products are developed on time and to cost.
  target Projects reach their milestones | milestones reached on the planned date | ≥ {pct3} % | monthly
  target Products meet their target cost | new products at or below target cost | ≥ {pct3} % | yearly
  object product requirements | doc
  object design reviews | proc
  object 3D models and drawings | data
  object engineering change requests | issue
  object product cost estimates | data
  object component suppliers for prototypes | rel
area Controls and software | Controls and software are reliable and maintainable.
  target Software releases are stable | field defects per release | ≤ {n} | quarterly
  target Code is reviewed | changes reviewed before merge | 100 % | monthly
  object the embedded software | data
  object software releases | proc
  object circuit board designs | doc
  object firmware defects | issue
  object software version control | data
  object cybersecurity of connected products | issue
area Testing and validation | Designs are proven before series production.
  target Validation is complete before launch | products launched with a complete validation | 100 % | quarterly
  target Test reports are on time | test reports delivered on the agreed date | ≥ {pct} % | monthly
  object prototype tests | proc
  object the materials testing lab | asset
  object validation plans | doc
  object durability test results | data
  object field test programmes | proc
  object test rigs and fixtures | asset
area Technical documentation | Customers and service have correct, current documents.
  target Manuals are current | manuals updated with each change | 100 % | quarterly
  target Product data is complete | products with complete data in the product database | ≥ {pct} % | monthly
  object operating manuals | doc
  object the product database | data
  object spare parts lists | doc
  object translation orders | proc
  object installation guides | doc
  object technical illustrations | data
area Certification and standards | Products may be sold in every target market.
  target Certificates are valid | products with valid certificates for their markets | 100 % | quarterly
  target Standards changes are assessed | new standards assessed within three months | 100 % | quarterly
  object CE declarations | doc
  object notified bodies | rel
  object technical files | doc
  object changes to product standards | data
  object standards committees | rel
  object reports from certification laboratories | doc
area Innovation | The company has a pipeline of ideas for the next products.
  target New ideas are evaluated | ideas evaluated per quarter | ≥ {n} | quarterly
  target Patents are filed | patent applications | ≥ 2 per year | yearly
  object the innovation pipeline | data
  object patent applications | doc
  object university research partners | rel
  object technology scouting reports | doc
  object idea evaluation workshops | proc
  object technology roadmaps | doc
content develops new products | maintains the product designs | tests and validates prototypes | gets products certified
outcome new products reach the market on time and at target cost | products are safe and certified for their markets | the company has a pipeline of new ideas
skill 3D CAD | Mechanical design | Electronics design | Embedded C | Test engineering | Technical writing | CE marking | Design for manufacturing | Finite element analysis | Project management | Product data management | Patent research
procedure Engineering change | Design review | Product validation | Release of drawings | CE conformity assessment
objective Launch three new products a year | new products launched per year | products | 1 | 3 | self_realisation
objective Raise the share of sales from products younger than five years | share of sales from new products | % | 12 | 30 | wealth
goal Develop the next product generation | Shorten the development time | Introduce product lifecycle management
project Design the new pump series | Develop the connected controller | Introduce the PLM system | Build the durability test bench | Certify the product range for North America | Standardise the component library
risk legal | external | Infringement of a competitor's patent
  control legal_review | Freedom-to-operate check | Search for conflicting patents before every design freeze
  contingency A competitor claims a patent infringement | Inform management and the patent attorney; Stop shipments of the product if advised; Assess a design-around; Negotiate a licence or defend the claim
risk safety | external | A design defect causes an accident at a customer
  control approval | Design release approval | Release a design only after the validation report is approved by the engineering director
  contingency A product is suspected of causing an accident | Stop deliveries of the product; Inform the authorities as required; Investigate the design with quality; Prepare customer information
lesson Involve production in the first design review | Order long-lead parts for prototypes early | Freeze the requirements before the design starts
resource technology | CAD and PLM licences | licence | 45 | 135000
resource facilities | Test laboratory | square metre | 600 |

= LEG | Legal and Compliance | General Counsel | legal | Protects the company's legal position, drafts and reviews contracts and keeps the company compliant.
unit CON | Contracts | Drafts and reviews contracts. | 0
unit COM | Compliance | Runs the compliance programme. | 1 2
unit CORP | Corporate Affairs | Keeps company records, insurance and the board's papers. | 3 5
unit IP | Intellectual Property | Protects patents and trademarks. | 4
role LC | Legal Counsel | spec
role CO | Compliance Officer | spec
role PL | Paralegal | staff
role CS | Company Secretary | spec
role DPO | Data Protection Officer | spec
lead Legal Team Lead
area Contracts | Contracts protect the company and are signed on time.
  target Contracts are reviewed quickly | contracts reviewed within five days | ≥ {pct} % | monthly
  target Standard templates are used | contracts on the company's templates | ≥ {pct3} % | quarterly
  object customer contracts | doc
  object contract templates | doc
  object non-disclosure agreements | doc
  object contract disputes | issue
  object supplier contract reviews | proc
  object contract signature authorisations | data
area Compliance programme | Employees know and follow the rules.
  target Compliance training is completed | employees trained on the code of conduct | ≥ {pct} % | yearly
  target Reports are investigated | whistleblower reports investigated within 30 days | 100 % | quarterly
  object the compliance training | proc
  object whistleblower reports | issue
  object gifts and hospitality registrations | data
  object the compliance risk assessment | doc
  object sanctions and export compliance questions | issue
  object compliance policies | doc
area Data protection | Personal data is processed lawfully.
  target Requests from individuals are answered on time | data subject requests answered within a month | 100 % | quarterly
  target Processing is recorded | processing activities in the register | 100 % | yearly
  object the record of processing activities | data
  object data subject requests | issue
  object data processing agreements | doc
  object privacy impact assessments | doc
  object personal data breaches | issue
  object privacy notices | doc
area Corporate records and insurance | Company records are complete and risks are insured.
  target Filings are made on time | late company register filings | 0 | yearly
  target Insurance is renewed on time | policies renewed before expiry | 100 % | yearly
  object the company register filings | doc
  object insurance policies | doc
  object board minutes | doc
  object powers of attorney | data
  object insurance claims | issue
  object insurance brokers | rel
area Intellectual property | The company's ideas and brands are protected.
  target Trademarks are renewed | trademark renewals missed | 0 | yearly
  target Inventions are assessed | invention disclosures assessed within 60 days | 100 % | quarterly
  object the trademark portfolio | data
  object invention disclosures | doc
  object patent attorneys | rel
  object infringement cases | issue
  object domain name registrations | data
  object licence agreements | doc
area Litigation and claims | Disputes are settled early and at the lowest cost.
  target Claims are assessed quickly | new claims assessed within ten days | 100 % | quarterly
  target Litigation cost stays on budget | litigation cost against budget | ≤ 100 % | yearly
  object legal claims | issue
  object external law firms | rel
  object litigation files | data
  object settlement proposals | doc
  object legal hold notices | doc
  object court deadlines | data
content drafts and reviews contracts | runs the compliance programme | protects personal data and intellectual property | handles claims and disputes
outcome the company's legal position is protected | employees know and follow the rules | disputes are settled early and cheaply
skill Contract law | Corporate law | Data protection law | Compliance management | Intellectual property | Litigation management | Insurance | Employment law basics | Competition law | Negotiation of contracts
procedure Contract review and signature | Whistleblower report handling | Data subject request | Gifts and hospitality | Power of attorney
objective Have every contract on a company template | contracts on templates | % | 55 | 90 | quality_of_life
objective Train every employee on the code of conduct | employees trained | % | 64 | 100 | status
goal Introduce a contract management system | Roll out the compliance programme | Prepare for the new data protection rules
project Select a contract management system | Update the code of conduct | Introduce the whistleblower channel | Run the data protection audit | Renew the trademark portfolio | Review the insurance programme
risk legal | external | An unfavourable contract term leads to unlimited liability
  control legal_review | Contract review | Review every contract above EUR 50,000 or with unlimited liability before signature
  contingency A customer claims damages beyond the insured amount | Inform the insurer and management at once; Collect the contract and the correspondence; Assess the claim with external counsel; Negotiate or defend the claim
risk compliance | internal | Bribery by an employee or agent
  control audit | Agent due diligence | Check every new sales agent against the due diligence checklist before appointment
  contingency A bribery allegation is made | Secure the evidence; Start an independent investigation; Inform the board and external counsel; Decide on disclosure to the authorities
lesson Read the liability clause first | Keep one register of all powers of attorney | Train people with real cases, not only rules
resource government_relations | Licence to operate the plant | licence | 1 |
resource technology | Contract management system | licence | 1 | 15000

= FAC | Facilities | Facilities Manager | facilities | Keeps the buildings, utilities and workplaces safe, clean and working.
unit BLD | Buildings | Maintains buildings and grounds. | 0 1
unit UTL | Utilities and Energy | Runs heating, power and water and saves energy. | 2
unit WPS | Workplace Services | Runs reception, cleaning, canteen and mail. | 3
unit SCY | Security | Guards the premises and manages access. | 4
unit PRJ | Building Projects | Plans and runs construction and relocation projects. | 5
role FT | Facility Technician | staff
role CLN | Cleaner | staff
role REC | Receptionist | staff
role SG | Security Guard | staff
role FC | Facility Coordinator | spec
role EM | Energy Manager | spec
lead Facility Team Lead
area Building maintenance | Buildings are safe, dry and in good order.
  target Building defects are fixed quickly | building defects fixed within the agreed time | ≥ {pct} % | monthly
  target Statutory inspections are done | statutory inspections done on time | 100 % | yearly
  object the roofs and facades | asset
  object fire safety installations | asset
  object building defects | issue
  object maintenance contractors | rel
  object elevators and doors | asset
  object the building maintenance plan | doc
area Grounds and outdoor areas | Car parks, roads and grounds are safe and tidy.
  target Outdoor areas are safe | accidents in outdoor areas | 0 | quarterly
  target Winter service is ready | winter service contract and salt in place by November | 100 % | yearly
  object the car parks and roads | asset
  object the winter service | proc
  object outdoor lighting | asset
  object green areas | asset
  object fences and gates | asset
  object rainwater drainage | asset
area Energy and utilities | Energy is reliable and its use falls every year.
  target Energy use falls | energy use per unit produced | -{pct2} % | yearly
  target Utilities are available | unplanned utility outages | 0 | monthly
  object energy meter readings | data
  object the heating and cooling plant | asset
  object energy supply contracts | doc
  object energy saving measures | proc
  object the emergency power supply | asset
  object water and gas meters | asset
area Workplace services | Employees have clean, working workplaces and good services.
  target Workplace requests are handled | requests handled within two days | ≥ {pct} % | monthly
  target Employees are satisfied with services | satisfaction with workplace services | ≥ {score} out of 10 | yearly
  object the cleaning service | proc
  object workplace requests | issue
  object the canteen | proc
  object incoming and outgoing mail | proc
  object meeting room bookings | data
  object office furniture | asset
area Security and access | Only authorised people enter and assets are protected.
  target Access badges are current | badges of leavers blocked on the last day | 100 % | monthly
  target Security incidents are rare | security incidents | 0 | quarterly
  object access badges | data
  object visitor registrations | data
  object the camera system | asset
  object security rounds | proc
  object keys and master keys | asset
  object alarm call-outs | issue
area Building projects | Construction and moves finish on time and on budget.
  target Projects stay on budget | building projects within budget | ≥ {pct3} % | yearly
  target Moves cause no downtime | working days lost through moves | 0 | yearly
  object construction projects | proc
  object office moves | proc
  object building permits | doc
  object floor plans | doc
  object construction contractors | rel
  object project cost reports | data
content maintains the buildings and grounds | runs the utilities and saves energy | provides workplace services | secures the premises
outcome the buildings are safe and in good order | energy use falls every year | employees have clean, working workplaces
skill Building maintenance | HVAC | Electrical installations | Energy management | Fire safety | Contractor management | Security management | Cleaning management | Construction project management | Access control systems
procedure Fire alarm response | Contractor work permit | Access badge request | Building defect reporting | Energy meter reading
objective Reduce the energy use per unit produced | energy use per unit produced | kWh | 3.8 | 3.1 | quality_of_life
objective Make all sites accessible and safe | sites passing the safety inspection | % | 70 | 100 | family
goal Cut the energy bill | Renovate the office building | Improve site security
project Install solar panels on the warehouse roof | Replace the lighting with LED | Renovate the canteen | Install the new access control system | Insulate the production hall | Move the sales office
risk property | internal | Fire in the production hall
  control inspection | Fire safety inspection | Inspect sprinklers, alarms and extinguishers with the fire safety contractor
  contingency A fire breaks out | Evacuate and call the fire brigade; Account for all employees at the assembly point; Inform the insurer and management; Secure the site and assess the damage
risk property | external | Storm damage to buildings
  control insurance | Property insurance | Keep the buildings insured at rebuild value and renew the policy on time
  contingency A storm damages the roof or facade | Secure the area and stop water ingress; Call the roofer on the framework contract; Document the damage for the insurer; Move work to undamaged areas
lesson Walk the site with the fire brigade once a year | Keep the contractor's emergency number at reception | Read the meters on the same day each month
resource facilities | Office building | square metre | 6000 | 7200000
resource facilities | Company car park | space | 420 |

= HSE | Health, Safety and Environment | HSE Manager | safety | Keeps people safe and healthy at work and the company within its environmental permits.
unit SAF | Occupational Safety | Prevents accidents and trains safe work. | 0 1
unit ENV | Environment | Keeps permits and reduces waste and emissions. | 2 3
unit OH | Occupational Health | Organises medical checks and health programmes. | 4
unit EMR | Emergency Response | Keeps the emergency organisation ready. | 5
role SE | Safety Engineer | spec
role EO | Environmental Officer | spec
role SC | Safety Coordinator | spec
role FA | First Aider | staff
role OHN | Occupational Health Nurse | spec
lead HSE Team Lead
area Accident prevention | Nobody gets hurt at work.
  target Lost-time accidents are rare | lost-time injury frequency | ≤ 2 | monthly
  target Near misses are reported | near misses reported per 100 employees | ≥ 20 per year | quarterly
  object risk assessments of workplaces | doc
  object near-miss reports | issue
  object safety walks | proc
  object personal protective equipment | asset
  object accident investigations | issue
  object machine safety assessments | doc
area Safety training | Everyone knows how to work safely.
  target Safety training is current | employees with current safety training | ≥ {pct} % | quarterly
  target Contractors are briefed | contractors briefed before work | 100 % | monthly
  object safety inductions | proc
  object toolbox talks | proc
  object contractor safety briefings | proc
  object the safety training matrix | data
  object forklift driver training | proc
  object safety training certificates | data
area Environmental permits | The company meets its permits and reports on time.
  target Permit limits are met | permit limit exceedances | 0 | monthly
  target Environmental reports are filed on time | late environmental reports | 0 | yearly
  object the environmental permits | doc
  object emission measurements | data
  object the environmental authority | rel
  object the yearly emissions declaration | doc
  object permit change notifications | doc
  object groundwater monitoring | data
area Waste and resources | Waste falls and is disposed of correctly.
  target Waste falls | waste per unit produced | -{pct2} % | yearly
  target Hazardous waste is documented | hazardous waste shipments with complete papers | 100 % | monthly
  object hazardous waste shipments | proc
  object the waste register | data
  object recycling streams | proc
  object chemical safety data sheets | doc
  object waste contractors | rel
  object packaging waste returns | data
area Occupational health | Employees stay healthy at work.
  target Medical checks are done | required medical checks done on time | 100 % | quarterly
  target Ergonomic risks are reduced | workplaces with high ergonomic risk | ≤ {n} | yearly
  object medical surveillance checks | proc
  object ergonomic assessments | doc
  object noise measurements | data
  object the health programme | proc
  object workplace exposure measurements | data
  object vaccination campaigns | proc
area Emergency preparedness | The company responds well when something goes wrong.
  target Drills are held | evacuation drills held | ≥ 2 per year | yearly
  target Emergency teams are complete | emergency team posts filled on every shift | 100 % | monthly
  object evacuation drills | proc
  object the emergency plan | doc
  object the first aid team | team
  object first aid kits and defibrillators | asset
  object fire wardens | team
  object emergency contact lists | data
content prevents accidents | trains safe work | keeps the environmental permits | organises the emergency response
outcome nobody gets hurt at work | the company meets its environmental permits | the company responds well in an emergency
skill Occupational safety | Risk assessment | ISO 45001 | ISO 14001 | Environmental law | Hazardous materials | First aid | Fire fighting | Accident investigation | Ergonomics | Industrial hygiene
procedure Accident reporting and investigation | Permit to work | Evacuation | Hazardous waste disposal | Handling of chemicals
objective Reach zero lost-time accidents | lost-time accidents per year | accidents | 9 | 0 | family
objective Cut waste to landfill by half | waste to landfill | tonnes | 420 | 210 | quality_of_life
goal Build a safety culture | Obtain the ISO 14001 certificate | Reduce hazardous waste
project Introduce behaviour-based safety walks | Run the ISO 14001 gap analysis | Replace solvent-based cleaning | Train all supervisors in accident investigation | Install noise protection in the press shop | Set up the chemical register
risk safety | internal | Serious accident with a forklift
  control supervision | Traffic route inspection | Inspect traffic routes, markings and mirrors in the warehouse and production
  contingency A pedestrian is hit by a forklift | Give first aid and call the emergency services; Secure the scene; Inform the authorities and management; Investigate and stop similar operations
risk compliance | external | Breach of the environmental permit
  control inspection | Emission measurement | Measure emissions against the permit limits with an accredited laboratory
  contingency A permit limit is exceeded | Stop or reduce the process concerned; Inform the environmental authority as required; Find and fix the cause; Measure again before restarting
lesson Report near misses without looking for someone to blame | Check the permit before changing a process | Let the operators write the risk assessment with you
resource government_relations | Environmental permit | permit | 1 |
resource people | Trained first aiders | person | 40 |
"""

# --- phrases every statement is composed of -----------------------------------------

# Verbs by object kind. Single words where possible, so that a synonym swap changes one word.
VERBS: dict[str, tuple[str, ...]] = {
    "doc": (
        "Prepare",
        "Review",
        "Update",
        "Approve",
        "Check",
        "Draft",
        "Compile",
        "Submit",
        "Receive",
    ),
    "proc": ("Run", "Coordinate", "Monitor", "Plan", "Organise", "Supervise", "Lead", "Schedule"),
    "rel": ("Meet", "Visit", "Brief", "Contact", "Advise", "Follow up with", "Negotiate with"),
    "team": ("Coach", "Brief", "Train", "Support", "Guide", "Appraise", "Advise"),
    "data": ("Record", "Analyse", "Verify", "Reconcile", "Maintain", "Track", "Validate", "Review"),
    "asset": ("Inspect", "Maintain", "Service", "Check", "Track", "Secure", "Test", "Clean"),
    "issue": (
        "Handle",
        "Investigate",
        "Resolve",
        "Log",
        "Escalate",
        "Analyse",
        "Close",
        "Prioritise",
    ),
}

# One-word synonyms for the "one word swapped" near-duplicates.
SYNONYMS: dict[str, str] = {
    "Prepare": "Produce",
    "Review": "Examine",
    "Update": "Revise",
    "Approve": "Authorise",
    "Check": "Verify",
    "Draft": "Write",
    "Compile": "Assemble",
    "Submit": "Send",
    "Receive": "Obtain",
    "Run": "Perform",
    "Coordinate": "Organise",
    "Monitor": "Watch",
    "Plan": "Arrange",
    "Organise": "Arrange",
    "Supervise": "Oversee",
    "Lead": "Direct",
    "Schedule": "Plan",
    "Meet": "See",
    "Visit": "Meet",
    "Brief": "Inform",
    "Contact": "Call",
    "Advise": "Counsel",
    "Coach": "Mentor",
    "Train": "Instruct",
    "Support": "Help",
    "Guide": "Mentor",
    "Appraise": "Assess",
    "Record": "Register",
    "Analyse": "Evaluate",
    "Verify": "Confirm",
    "Reconcile": "Match",
    "Maintain": "Keep",
    "Track": "Follow",
    "Validate": "Verify",
    "Inspect": "Examine",
    "Service": "Overhaul",
    "Secure": "Protect",
    "Test": "Trial",
    "Clean": "Tidy",
    "Handle": "Process",
    "Investigate": "Examine",
    "Resolve": "Settle",
    "Log": "Register",
    "Escalate": "Refer",
    "Close": "Finish",
    "Prioritise": "Rank",
    "every": "each",
    "each": "every",
    "working": "business",
    "within": "inside",
    "agreed": "approved",
    "report": "notify",
    "record": "register",
}

# One-word additions for the "qualifier added" near-duplicates (put before the verb).
ADVERBS: tuple[str, ...] = (
    "Carefully",
    "Promptly",
    "Accurately",
    "Personally",
    "Systematically",
    "Thoroughly",
    "Consistently",
)

# Frequency phrases, by Frequency code.
FREQUENCY_PHRASES: dict[str, tuple[str, ...]] = {
    "daily": ("every day", "each working day", "daily"),
    "weekly": ("every week", "each week", "weekly"),
    "monthly": ("every month", "each month", "monthly"),
    "quarterly": ("every quarter", "each quarter", "quarterly"),
    "yearly": ("once a year", "every year", "annually"),
    "as_needed": ("whenever required", "as cases arise", "on request"),
    "ongoing": ("on an ongoing basis", "continuously", "throughout the year"),
}

# Which frequencies suit an object kind (codes, weighted by repetition).
KIND_FREQUENCIES: dict[str, tuple[str, ...]] = {
    "doc": ("monthly", "monthly", "quarterly", "yearly", "weekly", "as_needed"),
    "proc": ("daily", "weekly", "weekly", "monthly", "quarterly", "ongoing"),
    "rel": ("monthly", "quarterly", "quarterly", "yearly", "as_needed", "ongoing"),
    "team": ("weekly", "monthly", "quarterly", "yearly", "ongoing"),
    "data": ("daily", "weekly", "monthly", "monthly", "quarterly", "ongoing"),
    "asset": ("daily", "weekly", "monthly", "monthly", "quarterly", "yearly"),
    "issue": ("as_needed", "as_needed", "daily", "ongoing", "weekly"),
}

# Qualifiers: where or for whom (one slot at most). "*" suits every kind.
QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("for the {site} site", "*"),
    ("for {segment} customers", "rel doc data issue"),
    ("for the {product} product line", "*"),
    ("across all branches in the {region} region", "*"),
    ("together with the {team} team", "*"),
    ("in line with {policy}", "*"),
    ("using {system}", "doc data issue proc asset"),
    ("for orders above EUR {amount}", "doc data issue"),
    ("for new starters in the department", "team doc"),
    ("for the {site} cost centres", "doc data"),
    ("for key accounts in the {region} region", "rel doc data issue"),
    ("on the {shift} shift", "proc asset issue team"),
    ("for investment projects worth more than EUR {amount}", "doc proc data"),
    ("for suppliers in the {region} region", "rel doc data issue"),
    ("on the {site} production floor", "proc asset issue team data"),
    ("for staff based in {site}", "team doc proc"),
    ("in the {site} warehouse and yard", "asset data proc issue"),
    ("in close cooperation with the {team} team", "*"),
    ("for export markets", "rel doc data issue"),
    ("for all contracts managed by the department", "doc data rel"),
    ("as required by {policy}", "*"),
    ("with support from {system}", "*"),
    ("for the {product} business", "*"),
    ("on behalf of the {team} department", "rel doc proc"),
    ("for the sales teams covering the {region} region", "rel doc data"),
    ("for first-time customers", "rel issue doc"),
    ("during the annual shutdown", "asset proc"),
    ("across the whole {segment} segment", "rel doc data issue"),
    ("for the {site} distribution centre", "asset data proc issue"),
    ("for all {region} subsidiaries", "doc data rel proc"),
    ("for the twenty largest customers", "rel doc data issue"),
    ("within the scope of the {team} budget", "doc proc data team"),
    ("for temporary and agency staff", "team doc proc"),
    ("for the central head office", "*"),
    ("for work done by contractors", "proc asset issue doc"),
    ("with the help of external specialists", "*"),
    ("before and after the peak season", "asset proc data team"),
    ("as part of the {product} programme", "*"),
    ("for apprentices and interns", "team doc"),
    ("for the equipment that makes {product}", "asset issue proc"),
    ("in the {site} repair workshop", "asset team issue"),
)

# Follow-ups that need a deadline ("and clear differences" + "within 5 working days"),
# by kind; then self-contained standards that stand alone.
FOLLOW_UPS: dict[str, tuple[str, ...]] = {
    "doc": (
        "and agree it with the {boss}",
        "and publish it in {system}",
        "and circulate it to the {team} team",
        "and file the signed copy",
        "and answer questions about it",
        "and correct any errors found",
        "and send the final version to the {boss}",
        "and explain the main changes",
        "and obtain the required approvals",
        "and make it available to everyone concerned",
        "and track the agreed actions",
        "and walk the {boss} through it",
        "and share it with the {site} site",
        "and present it at the {meeting}",
    ),
    "proc": (
        "and report progress to the {boss}",
        "and record the outcome in {system}",
        "and escalate delays to the {boss}",
        "and close open actions",
        "and confirm completion in writing",
        "and remove any obstacles",
        "and hand over open points to the next shift",
        "and report deviations from the plan",
        "and brief everyone involved",
        "and document any incidents",
        "and update the schedule",
        "and present the results at the {meeting}",
        "and inform the {site} site of changes",
        "and agree priorities with the {boss}",
    ),
    "rel": (
        "and record agreements in {system}",
        "and follow up open questions",
        "and report concerns to the {boss}",
        "and confirm agreed actions in writing",
        "and settle open invoices",
        "and update the contact plan",
        "and share the minutes with the {team} team",
        "and agree the next contact date",
        "and pass on requests to the right colleague",
        "and keep every commitment made",
        "and brief the {boss} on the outcome",
        "and report the results at the {meeting}",
        "and involve the {team} team where needed",
    ),
    "team": (
        "and record the results in {system}",
        "and agree individual development actions",
        "and report absences to the {boss}",
        "and follow up open actions",
        "and discuss the results one to one",
        "and plan further training",
        "and give written feedback",
        "and recognise good performance",
        "and address underperformance",
        "and update the skills overview",
        "and discuss progress at the {meeting}",
        "and agree next steps with the {boss}",
        "and keep the records in {system}",
    ),
    "data": (
        "and clear differences",
        "and correct errors",
        "and report discrepancies to the {boss}",
        "and update the records in {system}",
        "and share the results with the {boss}",
        "and resolve open items",
        "and explain deviations from plan",
        "and archive the supporting documents",
        "and notify the owners of the data",
        "and block incorrect entries",
        "and report the key figures",
        "and present the figures at the {meeting}",
        "and send a summary to the {site} site",
        "and align the figures with the {team} team",
    ),
    "asset": (
        "and fix defects",
        "and report findings to the {boss}",
        "and record the results in {system}",
        "and replace worn parts",
        "and take faulty equipment out of service",
        "and order missing spare parts",
        "and log the readings",
        "and book the repair",
        "and inform the users about downtime",
        "and label equipment that fails",
        "and report downtime at the {meeting}",
        "and agree repair priorities with the {boss}",
        "and coordinate with the {site} site",
    ),
    "issue": (
        "and inform the customer",
        "and agree corrective actions",
        "and report the root cause to the {boss}",
        "and update the status in {system}",
        "and close the case",
        "and prevent repeats with a lasting fix",
        "and confirm the solution with the requester",
        "and record the cost of the failure",
        "and keep the requester informed",
        "and check that the fix works",
        "and discuss open cases at the {meeting}",
        "and brief the {boss} on critical cases",
        "and involve the {team} team where necessary",
    ),
}

STANDARDS: dict[str, tuple[str, ...]] = {
    "doc": (
        "with sign-off by the {boss}",
        "in the agreed company format",
        "so that {outcome}",
        "and keep all versions on file",
        "without errors in the figures",
        "in plain language that everyone understands",
    ),
    "proc": (
        "within the approved budget",
        "with zero lost-time incidents",
        "and meet the agreed service level of {pct} %",
        "so that {outcome}",
        "according to the written procedure",
        "with no safety or quality shortcuts",
    ),
    "rel": (
        "and achieve a satisfaction score of at least {score} out of 10",
        "and keep the contact history up to date in {system}",
        "so that {outcome}",
        "in a way that builds long-term trust",
        "while protecting the company's margin",
    ),
    "team": (
        "so that {outcome}",
        "and keep training records complete",
        "with a clear agenda and written actions",
        "in a fair and consistent way",
        "with respect for working time rules",
    ),
    "data": (
        "to an accuracy of at least {pct} %",
        "so that {outcome}",
        "with fewer than {n} errors per quarter",
        "and keep all records audit-ready",
        "with a full audit trail",
    ),
    "asset": (
        "against the checklist in {system}",
        "with zero lost-time incidents",
        "and keep downtime under {hours} hours per month",
        "so that {outcome}",
        "following the maker's instructions",
        "and keep the equipment log complete",
    ),
    "issue": (
        "and keep the backlog below {n} open cases",
        "and meet the agreed service level of {pct} %",
        "so that {outcome}",
        "and share lessons learned with the team",
        "with a documented root cause for every case",
    ),
}

# Deadlines that complete a follow-up.
DEADLINES: tuple[str, ...] = (
    "within {n} working days",
    "within {hours} hours",
    "on the same working day",
    "before the {meeting}",
    "by the {ordinal} working day of the following month",
    "before the end of the month",
    "by the end of the week",
    "within one week",
    "at the latest {n} days before the deadline",
    "no later than {n} working days after month end",
    "before the next shift starts",
    "by noon the next day",
    "at least {n} weeks in advance",
    "no more than {n} days after receipt",
    "so that the results can be shown at the {meeting}",
    "within the agreed lead time",
    "in time for the monthly close",
    "before the quarterly figures are closed",
    "no later than the {ordinal} day of each quarter",
    "as soon as the data is available",
    "before any commitment is made",
    "by the date agreed with the {boss}",
    "before the {boss} signs off the month",
    "within one week of a request from the {boss}",
    "before the monthly review at the {site} site",
    "in time for the {team} team's planning",
    "before the next update of {system}",
    "ahead of the {meeting} at the latest",
)

SLOT_VALUES: dict[str, tuple[str, ...]] = {
    "segment": (
        "wholesale",
        "retail",
        "OEM",
        "public-sector",
        "small-business",
        "distributor",
        "hospitality",
        "online",
        "healthcare",
        "agricultural",
    ),
    "product": (
        "hydraulic pumps",
        "valves",
        "control cabinets",
        "gearboxes",
        "compressors",
        "filters",
        "heat exchangers",
        "sensors",
        "conveyor",
        "spare parts",
        "drive units",
        "fans",
        "seals",
        "couplings",
        "mixers",
        "dosing systems",
        "water treatment",
        "service kits",
        "industrial brakes",
        "cooling units",
    ),
    "region": (
        "northern",
        "southern",
        "eastern",
        "western",
        "Benelux",
        "DACH",
        "Nordic",
        "Iberian",
    ),
    "policy": (
        "the group accounting manual",
        "the credit policy",
        "ISO 9001",
        "ISO 14001",
        "ISO 45001",
        "the GDPR",
        "the purchasing policy",
        "the signature rules",
        "the travel policy",
        "the IT security policy",
        "the quality manual",
        "IFRS",
        "local tax law",
        "the code of conduct",
        "the maintenance plan",
        "the customer charter",
        "the service level agreement",
        "the brand guidelines",
        "the safety handbook",
        "the records retention policy",
    ),
    "system": (
        "the ERP",
        "SAP",
        "the CRM",
        "Salesforce",
        "the ticket system",
        "the quality database",
        "SharePoint",
        "the HR system",
        "the maintenance system",
        "the warehouse system",
        "the document management system",
        "the planning tool",
        "the contract register",
        "the risk register",
        "the shared drive",
    ),
    "amount": ("5,000", "10,000", "25,000", "50,000", "100,000"),
    "shift": ("early", "late", "night", "weekend"),
    "meeting": (
        "weekly team meeting",
        "monthly management review",
        "quarterly business review",
        "daily stand-up",
        "monthly operations meeting",
        "annual planning meeting",
        "board meeting",
        "weekly sales meeting",
        "safety committee",
        "monthly quality review",
    ),
    "ordinal": ("second", "third", "fifth", "tenth"),
    "n": ("2", "3", "4", "5", "7", "10", "15"),
    "hours": ("2", "4", "8", "12", "24", "48", "72"),
    "pct": ("95", "97", "98", "99", "99.5"),
    "score": ("7", "8", "9"),
}

# Fillers for the numbers in targets.
TARGET_NUMBERS: dict[str, tuple[str, ...]] = {
    "pct": ("95", "96", "97", "98", "99"),
    "pct2": ("2", "3", "5", "10"),
    "pct3": ("70", "75", "80", "85", "90"),
    "n": ("2", "3", "4", "5"),
    "days": ("30", "35", "40", "45"),
    "score": ("7", "8", "9"),
}

# Vague statements: what a job description should not contain. All distinct.
VAGUE: tuple[str, ...] = (
    "Other duties as assigned",
    "Support the team as needed",
    "Help out wherever required",
    "Handle various ad hoc matters",
    "Be responsible for general administration",
    "Participate in meetings",
    "Assist the manager",
    "Ensure things run smoothly",
    "Take care of miscellaneous tasks",
    "Contribute to departmental goals",
    "Do whatever it takes",
    "Be flexible and take on extra work",
    "Keep an eye on things",
    "Perform additional responsibilities from time to time",
    "Work closely with colleagues",
    "Be available for special projects",
    "Deal with issues that come up",
    "Provide backup when others are away",
    "Show initiative in daily work",
    "Maintain a positive attitude",
    "Act as a point of contact",
    "Stay informed about relevant topics",
    "Promote a culture of excellence",
    "Represent the department when necessary",
    "Carry out tasks given by management",
    "Be involved in improvement activities",
    "Look after general housekeeping",
    "Handle correspondence",
    "Cover for absent colleagues",
    "Liaise with stakeholders",
    "Add value wherever possible",
    "Coordinate with other departments as appropriate",
    "Assume responsibility for assorted duties",
    "Undertake any reasonable request",
    "Manage day-to-day activities",
    "Drive results",
    "Facilitate smooth operations",
    "Support company initiatives",
    "Engage in continuous learning",
    "Respond to queries",
)

# Sentence parts of a position's purpose.
PURPOSE_BASIS: tuple[str, ...] = (
    "Reporting to the {boss} and working within {policy},",
    "On the basis of the annual plan and the {team} budget,",
    "Under the direction of the {boss}, in line with {policy} and the company's values,",
    "Within the authority delegated by the {boss} and {policy},",
    "Guided by the company's objectives and {policy},",
    "As agreed in the yearly objectives with the {boss},",
)

GENERIC_AREAS = """
area Team leadership | The team is complete, skilled and motivated.
  target Team members have agreed objectives | share of team members with agreed objectives | 100 % | yearly
  target Voluntary turnover stays low | voluntary turnover in the team | ≤ {pct2} % | yearly
  target Development talks are held | team members with a development talk | 100 % | yearly
  object new team members | team
  object experienced team members | team
  object team members taking on new tasks | team
  object apprentices and trainees | team
  object the team's performance reviews | doc
  object individual development plans | doc
  object the team's skills matrix | doc
  object weekly team meetings | proc
  object the holiday and absence planning | data
  object team objectives | doc
  object team members returning from leave | team
  object the team's onboarding checklist | doc
  object one-to-one meetings | proc
  object team recognition | proc
area Budget and resources | The unit delivers its results within budget.
  target Costs stay within budget | cost against budget | ≤ 100 % | monthly
  target Investments are approved before spending | investments spent without approval | 0 | quarterly
  object the unit budget | doc
  object purchase approvals | doc
  object overtime hours | data
  object investment requests | doc
  object the unit's headcount plan | doc
  object cost centre spending | data
  object travel and expense approvals | doc
  object the unit's cost forecast | doc
  object equipment requests from the team | issue
  object external service spending | data
  object the unit's asset list | data
area Continuous improvement | The unit works a little better every quarter.
  target Improvements are implemented | improvements implemented | ≥ {n} per quarter | quarterly
  target Procedures are up to date | procedures reviewed within their cycle | 100 % | yearly
  object improvement suggestions | issue
  object the unit's procedures | doc
  object process performance figures | data
  object lessons learned reviews | proc
  object problem-solving workshops | proc
  object the unit's key figures board | data
  object customer feedback on the unit's work | data
  object standard work descriptions | doc
  object waste in the unit's processes | issue
  object improvement project reviews | proc
  object ideas from customers | data
area Safety and compliance in the unit | The unit works safely and within the rules.
  target Nobody in the unit is hurt | lost-time accidents in the unit | 0 | monthly
  target Required compliance training is complete | team members with current compliance training | 100 % | yearly
  object workplace safety checks | proc
  object safety incidents in the unit | issue
  object the unit's risk assessments | doc
  object the team's compliance training | team
  object the unit's evacuation arrangements | proc
  object the unit's document retention | data
  object personal protective equipment of the team | asset
  object near misses in the unit | issue
  object the unit's internal controls | proc
  object compliance questions from the team | issue
"""

# Templates of plan tasks.
TASKS: tuple[str, ...] = (
    "Draft the requirements",
    "Collect three quotes",
    "Agree the scope with the sponsor",
    "Test with key users",
    "Train the users",
    "Migrate the data",
    "Sign the contract",
    "Update the procedure",
    "Review the results with management",
    "Prepare the business case",
    "Run the pilot",
    "Order the equipment",
    "Install and configure",
    "Communicate the change to staff",
    "Measure the baseline",
    "Analyse the current process",
    "Hold the kick-off meeting",
    "Write the project plan",
    "Select the supplier",
    "Close the project and record lessons",
    "Map the stakeholders",
    "Agree the budget",
    "Design the new process",
    "Check the legal requirements",
    "Prepare the training material",
    "Go live",
    "Support the first weeks after go-live",
    "Report to the steering committee",
    "Clean up the old data",
    "Document the solution",
)

PHASES: tuple[str, ...] = ("Analyse", "Design", "Build", "Pilot", "Roll out", "Stabilise")

ADVANCE: tuple[str, ...] = (
    "Agree the next step with the sponsor this week",
    "Unblock the supplier by escalating to their account manager",
    "Free two days a week of a key user",
    "Split the work into smaller deliveries",
    "Decide the open design question in the next meeting",
    "Ask finance to release the budget",
    "Bring in external support for the peak",
    "Test the riskiest part first",
)

PROBLEMS: tuple[str, ...] = (
    "Supplier delivery delayed by three weeks",
    "Key user not available for testing",
    "External consultants over budget",
    "Data quality too poor for migration",
    "Approval from the authority still missing",
    "Test environment unavailable",
    "Requirements changed after sign-off",
    "Machine failed during the trial run",
    "Budget not released by finance",
    "Works council has not yet agreed",
    "Interface to the ERP returns errors",
    "Price increase from the main supplier",
    "Two team members on sick leave",
    "Customer postponed the acceptance test",
    "Building permit delayed",
    "Licence costs higher than expected",
    "Conflicting priorities with another project",
    "Missing spare parts for the installation",
    "Training material not translated",
    "Sponsor left the company",
)

RESOLUTIONS: tuple[str, ...] = (
    "Second supplier qualified and ordered",
    "Plan adjusted with the sponsor",
    "Extra budget approved by the managing director",
    "Work re-planned around the absence",
    "Interface fixed by the vendor",
    "Escalated and solved at management level",
)

LESSON_CONTEXTS: tuple[str, ...] = (
    "Learned at the year-end close",
    "Found during an internal audit",
    "After a customer complaint",
    "From the project review",
    "After a near miss on the shop floor",
    "From a supplier failure",
    "During the system migration",
    "After a new employee's first month",
)

STEPS: dict[str, tuple[str, ...]] = {
    "prepare": (
        "Check that the request is complete and approved",
        "Collect the documents listed in the checklist",
        "Open a case in {system}",
        "Agree the timing with the people involved",
        "Check the latest version of this procedure",
    ),
    "execute": (
        "Record {object} in {system}",
        "Verify {object} against the source documents",
        "Agree deviations with the {boss}",
        "Carry out the work as described in the work instruction",
        "Get approval from the {boss} for anything above the limit",
        "Correct errors and note the reason",
    ),
    "check": (
        "Have a second person check the result",
        "Compare the totals with the previous period",
        "Check that nothing is left open",
    ),
    "close": (
        "File the evidence in {system}",
        "Inform the requester of the result",
        "Archive the documents for the legal retention period",
        "Record lessons learned for the next time",
    ),
}

INTERACTIONS: tuple[str, ...] = (
    "Discussed the annual price agreement",
    "Quarterly business review: volumes and service levels",
    "Call about open invoices",
    "Introduced the new account manager",
    "Presented the new product range",
    "Agreed the delivery plan for the next quarter",
    "Discussed a complaint and the corrective actions",
    "Annual meeting with the management",
    "Sent the contract renewal proposal",
    "Workshop on joint improvement projects",
    "Follow-up on the audit findings",
)
# Summaries for the kinds that need their own words (InteractionKind codes).
INTERACTIONS_BY_KIND: dict[str, tuple[str, ...]] = {
    "gift": (
        "Christmas gift",
        "Gift for the company anniversary",
        "Flowers after the plant opening",
    ),
    "event": (
        "Invited to the customer day",
        "Dinner at the trade fair",
        "Joint stand at the trade fair",
    ),
    "visit": ("Visited the site and agreed improvement actions", "Inspection visit", "Plant tour"),
}

MECHANISMS: tuple[str, ...] = (
    "Quarterly business review and a monthly call",
    "Annual contract negotiation and calls as needed",
    "Monthly meeting and a shared issue list",
    "Visit twice a year and the newsletter",
    "Named contact person and a yearly review",
    "Framework agreement with quarterly performance reports",
)

CONTACT_ROLES: tuple[str, ...] = (
    "Purchasing Manager",
    "Managing Director",
    "Account Manager",
    "Finance Director",
    "Head of Quality",
    "Project Manager",
    "Inspector",
    "Relationship Manager",
    "Logistics Manager",
    "Technical Director",
    "Sales Director",
    "Office Manager",
)

# Relation names: prefix + trade + legal form; public bodies by city.
COMPANY_PREFIXES: tuple[str, ...] = tuple(
    """Atlas Borealis Castor Delta Elbe Fjord Granit Helix Iris Jura Kestrel Lumen Meridian
    Nordlicht Orion Polaris Quadra Rhein Saturn Tauern Ultra Vega Westfalen Zenit Alpen Baltic
    Carpathia Danube Equinox Falcon Gemini Hansa Ionic Juno Kronos Lyra Mistral Nova Olympus
    Pegasus Rigel Sirius Triton Unity Vulcan Wolf Argo Boreal Cobalt Dynamo Ember Fortis Gaia
    Horizon Indigo Janus Kappa Lotus Mosel Nimbus""".split()
)
COMPANY_TRADES: tuple[str, ...] = (
    "Logistics",
    "Steel",
    "Components",
    "Engineering",
    "Plastics",
    "Electronics",
    "Packaging",
    "Trading",
    "Industrial Supply",
    "Automation",
    "Castings",
    "Chemicals",
    "Software",
    "Consulting",
    "Facility Services",
    "Transport",
    "Hydraulics",
    "Machinery",
    "Tools",
    "Metalworks",
    "Energy",
    "Systems",
    "Distribution",
    "Technologies",
    "Fasteners",
    "Coatings",
    "Rubber",
    "Cables",
    "Bearings",
    "Instruments",
)
LEGAL_FORMS: tuple[str, ...] = (
    "GmbH",
    "B.V.",
    "S.A.",
    "Ltd",
    "AG",
    "S.r.l.",
    "A/S",
    "Oy",
    "NV",
    "SAS",
)

SITES: tuple[tuple[str, str], ...] = (
    ("RTM", "Rotterdam"),
    ("LYO", "Lyon"),
    ("LIL", "Lille"),
    ("ANR", "Antwerp"),
    ("HAM", "Hamburg"),
    ("MUC", "Munich"),
    ("MIL", "Milan"),
    ("TRN", "Turin"),
    ("BCN", "Barcelona"),
    ("VLC", "Valencia"),
    ("OPO", "Porto"),
    ("LIS", "Lisbon"),
    ("GDN", "Gdansk"),
    ("WRO", "Wroclaw"),
    ("BRQ", "Brno"),
    ("VIE", "Vienna"),
    ("GRZ", "Graz"),
    ("ZRH", "Zurich"),
    ("BSL", "Basel"),
    ("CPH", "Copenhagen"),
    ("AAR", "Aarhus"),
    ("GOT", "Gothenburg"),
    ("MMX", "Malmo"),
    ("TMP", "Tampere"),
    ("DUB", "Dublin"),
    ("ORK", "Cork"),
    ("LBA", "Leeds"),
    ("MAN", "Manchester"),
    ("BOD", "Bordeaux"),
    ("NTE", "Nantes"),
    ("TLS", "Toulouse"),
    ("STR", "Stuttgart"),
    ("LEJ", "Leipzig"),
    ("BLQ", "Bologna"),
    ("GNE", "Ghent"),
    ("UTC", "Utrecht"),
    ("EIN", "Eindhoven"),
    ("BIO", "Bilbao"),
    ("KRK", "Krakow"),
    ("BTS", "Bratislava"),
    ("LJU", "Ljubljana"),
    ("TLL", "Tallinn"),
)

FIRST_NAMES: tuple[str, ...] = tuple(
    """Anna Ben Clara David Eva Felix Greta Hugo Ines Jonas Katrin Lukas Marie Noah Olga Paul
    Quentin Rosa Simon Tanja Ugo Vera Willem Xenia Yusuf Zoe Ahmed Birgit Carlos Daniela Emil
    Fatima Giulia Hans Ilse Jan Karin Lars Mia Nils Oskar Petra Rafael Sofia Thomas Ulla Viktor
    Wiebke Yara Aleksander Beatriz Chiara Dirk Elena Finn Hanna Ivan Julia Kasper Lea Marco
    Nadia Ole Pia Ruben Sara Tomasz Valentina Wojciech Amelie Bruno Camille Dominik Emma Frank
    Jakob Lena Maximilian Nora""".split()
)
LAST_NAMES: tuple[str, ...] = tuple(
    """Müller Schmidt de Vries Janssen Rossi Bianchi García López Dubois Martin Nowak Kowalski
    Novák Horvat Hansen Nielsen Andersson Johansson Virtanen Murphy Kelly Smith Jones Weber
    Fischer Bakker Visser Peeters Ferrari Romano Fernández Martínez Lefèvre Moreau Wiśniewski
    Dvořák Kovač Larsen Berg Lindqvist Korhonen O'Brien Taylor Brown Wagner Becker Meijer Mulder
    Jacobs Colombo Ricci Sánchez Pérez Laurent Girard Wójcik Svoboda Novak Jensen Karlsson
    Nieminen Byrne Walsh Wilson Hoffmann Schulz Dekker Smits Maes Esposito Marino Gómez Ruiz
    Bernard Fontaine Lewandowski Kratochvíl Pedersen Nyström""".replace(
        "de Vries", "de_Vries"
    ).split()
)
LAST_NAMES = tuple(name.replace("_", " ") for name in LAST_NAMES)

COMPANY_NAMES: tuple[str, ...] = (
    "Northwind Components",
    "Brightwater Pumps",
    "Hollandia Valve Works",
    "Alpine Drive Systems",
    "Rheinmetall Fluidtechnik",
    "Baltic Motion",
    "Meridian Industrial",
    "Solberg Automation",
    "Castellan Machinery",
    "Vireo Process Equipment",
)

GRADES: tuple[tuple[str, int], ...] = (
    ("Entry", 2900),
    ("Operative", 3400),
    ("Skilled", 4100),
    ("Specialist", 5000),
    ("Senior specialist", 6200),
    ("Manager", 7800),
    ("Director", 10500),
    ("Executive", 16000),
)

GENERIC_SKILLS: dict[str, tuple[str, ...]] = {
    "General": (
        "Project management",
        "Problem solving",
        "Written communication",
        "Presentation",
        "Time management",
        "Team leadership",
        "Coaching",
        "Decision making",
        "Customer orientation",
        "Data analysis",
        "Budget management",
        "Process improvement",
        "Training others",
        "Meeting facilitation",
        "Risk awareness",
    ),
    "Tools": (
        "Excel (advanced)",
        "Word and PowerPoint",
        "SAP navigation",
        "Power BI",
        "SharePoint",
        "Microsoft Teams",
        "AutoCAD",
        "SolidWorks",
        "Jira",
        "Salesforce administration",
        "MS Project",
        "Visio",
        "Tableau",
        "Google Workspace",
        "Oracle Financials",
        "Microsoft Dynamics",
        "HubSpot",
        "ServiceNow",
        "Git",
        "MATLAB",
        "LabVIEW",
        "Minitab",
        "Siemens PLC programming",
        "DATEV",
        "Workday",
        "Adobe InDesign",
        "Figma",
    ),
    "Certifications": (
        "Certified internal auditor",
        "Chartered accountant",
        "PRINCE2",
        "PMP",
        "Six Sigma Green Belt",
        "Six Sigma Black Belt",
        "ITIL Foundation",
        "CISSP",
        "NEBOSH certificate",
        "Qualified electrician",
        "Certified welder",
        "Crane operator licence",
        "Hazardous goods adviser",
        "Certified data protection officer",
        "Certified purchasing professional",
        "Scrum Master",
        "ISO 9001 lead auditor",
        "Energy auditor",
        "First aid instructor",
        "Fire warden",
    ),
    "Languages": (
        "English",
        "German",
        "French",
        "Dutch",
        "Spanish",
        "Italian",
        "Polish",
        "Swedish",
        "Mandarin",
        "Czech",
    ),
}

FINANCE_CATEGORIES: tuple[tuple[str, str, str, int], ...] = (
    # code, category, kind, monthly budget per employee (EUR); salaries come from the grades
    ("SALES", "Product sales", "income", 14500),
    ("SAL", "Salaries and wages", "expense", 0),
    ("MAT", "Raw materials", "expense", 5200),
    ("SERV", "Service revenue", "income", 1900),
    ("SOC", "Social charges", "expense", 0),  # 22 % of salaries
    ("RENT", "Rent and leases", "expense", 420),
    ("ENER", "Energy", "expense", 380),
    ("IT", "IT and software", "expense", 310),
    ("FRT", "Freight", "expense", 560),
    ("MKT", "Marketing", "expense", 240),
    ("PARTS", "Spare parts sales", "income", 900),
    ("TRV", "Travel", "expense", 120),
    ("INS", "Insurance", "expense", 95),
    ("CONS", "Consulting", "expense", 140),
    ("TRN", "Training", "expense", 80),
    ("MNT", "Maintenance", "expense", 260),
    ("OFF", "Office supplies", "expense", 35),
    ("DEP", "Depreciation", "expense", 610),
    ("INT", "Interest", "expense", 90),
    ("BANK", "Bank charges", "expense", 12),
    ("LEGAL", "Legal fees", "expense", 45),
    ("RECR", "Recruitment", "expense", 60),
    ("TEL", "Telecom", "expense", 40),
    ("CAR", "Company cars", "expense", 150),
    ("WASTE", "Waste disposal", "expense", 30),
    ("SUB", "Subcontracting", "expense", 700),
    ("PACK", "Packaging", "expense", 210),
    ("LIC", "Licence income", "income", 150),
    ("RND", "Development materials", "expense", 130),
    ("OTHI", "Other income", "income", 40),
)

VALUE_WORDS: dict[str, tuple[str, ...]] = {
    "wealth": (
        "A company that pays for itself and for the family's future",
        "Enough profit to invest without asking the bank",
    ),
    "quality_of_life": (
        "Evenings and weekends free of the business",
        "A company that runs without me for four weeks",
    ),
    "family": (
        "Time for my children while they are young",
        "A business my children may want to take over",
    ),
    "self_realisation": (
        "Building products I am proud of",
        "Learning something new every year",
    ),
    "status": (
        "Being known as the best employer in the region",
        "A name that customers trust",
    ),
    "other": (
        "Giving something back to the town we grew up in",
        "Keeping the old craft alive",
    ),
}

VALUE_STATEMENTS: tuple[str, ...] = (
    "I want a company that runs by clear responsibilities, so that it grows without me being everywhere.",
    "The business should support my family and give our people a good place to work for decades.",
    "I started this company to build good products; money matters, but freedom matters more.",
)

OTHER_VALUE_LABELS: tuple[str, ...] = ("Community", "Craftsmanship", "Independence")

CANDIDATE_NOTES: tuple[str, ...] = (
    "Strong technical background",
    "Good references",
    "Salary expectations above the range",
    "Available in three months",
    "Needs relocation support",
    "Second interview planned",
    "Impressive case presentation",
    "",
)

STAGE_PLANS: tuple[tuple[str, str], ...] = (
    (
        "Consolidate",
        "Fix the basics: clear responsibilities, reliable delivery and a monthly close.",
    ),
    ("Expand", "Open two export markets and add a second shift in the main plant."),
    ("Scale", "Double sales with a leaner organisation and a second production site."),
)


# --- parsed structures --------------------------------------------------------------


class TargetT(NamedTuple):
    statement: str
    metric: str
    target: str
    period: str


class AreaT(NamedTuple):
    title: str
    description: str
    targets: tuple[TargetT, ...]
    objects: tuple[tuple[str, str], ...]  # (phrase, kind)


class UnitT(NamedTuple):
    code: str
    name: str
    function: str
    focus: tuple[int, ...]


class RoleT(NamedTuple):
    code: str
    title: str
    tier: str


class ObjectiveT(NamedTuple):
    title: str
    metric: str
    unit: str
    baseline: str
    target: str
    value: str
    scale: bool


class RiskT(NamedTuple):
    category: str
    source: str
    title: str
    control: tuple[str, str, str]  # kind, title, activity
    trigger: str
    steps: tuple[str, ...]


class ResourceT(NamedTuple):
    category: str
    name: str
    unit: str
    quantity: str
    value: str


class FunctionT(NamedTuple):
    code: str
    name: str
    head: str
    team: str
    purpose: str
    units: tuple[UnitT, ...]
    roles: tuple[RoleT, ...]
    lead: str
    areas: tuple[AreaT, ...]
    content: tuple[str, ...]
    outcomes: tuple[str, ...]
    skills: tuple[str, ...]
    procedures: tuple[str, ...]
    objectives: tuple[ObjectiveT, ...]
    goals: tuple[str, ...]
    projects: tuple[str, ...]
    risks: tuple[RiskT, ...]
    lessons: tuple[str, ...]
    resources: tuple[ResourceT, ...]


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split("|")]


def _parse_areas(lines: list[str]) -> list[AreaT]:
    areas: list[dict] = []
    for line in lines:
        word, _, rest = line.strip().partition(" ")
        if word == "area":
            title, description = _split(rest)
            areas.append({"title": title, "description": description, "t": [], "o": []})
        elif word == "target":
            areas[-1]["t"].append(TargetT(*_split(rest)))
        elif word == "object":
            phrase, kind = _split(rest)
            areas[-1]["o"].append((phrase, kind))
    return [AreaT(a["title"], a["description"], tuple(a["t"]), tuple(a["o"])) for a in areas]


def _parse_functions(text: str) -> tuple[FunctionT, ...]:
    blocks: list[list[str]] = []
    for line in text.strip().splitlines():
        if line.startswith("= "):
            blocks.append([line[2:]])
        elif line.strip():
            blocks[-1].append(line)
    out = []
    for block in blocks:
        code, name, head, team, purpose = _split(block[0])
        f: dict[str, list] = {k: [] for k in ("unit", "role", "objective", "risk", "resource")}
        lists: dict[str, tuple[str, ...]] = {}
        lead = "Team Lead"
        area_lines: list[str] = []
        for line in block[1:]:
            word, _, rest = line.strip().partition(" ")
            if word in ("area", "target", "object"):
                area_lines.append(line)
            elif word == "unit":
                ucode, uname, ufunc, focus = _split(rest)
                f["unit"].append(UnitT(ucode, uname, ufunc, tuple(int(i) for i in focus.split())))
            elif word == "role":
                f["role"].append(RoleT(*_split(rest)))
            elif word == "lead":
                lead = rest.strip()
            elif word == "objective":
                parts = _split(rest)
                f["objective"].append(ObjectiveT(*parts[:6], scale=len(parts) > 6))
            elif word == "risk":
                category, source, title = _split(rest)
                f["risk"].append([category, source, title, None, "", ()])
            elif word == "control":
                f["risk"][-1][3] = tuple(_split(rest))
            elif word == "contingency":
                trigger, steps = _split(rest)
                f["risk"][-1][4] = trigger
                f["risk"][-1][5] = tuple(s.strip() for s in steps.split(";"))
            elif word == "resource":
                f["resource"].append(ResourceT(*_split(rest)))
            else:
                lists[word] = tuple(_split(rest))
        out.append(
            FunctionT(
                code=code,
                name=name,
                head=head,
                team=team,
                purpose=purpose,
                units=tuple(f["unit"]),
                roles=tuple(f["role"]),
                lead=lead,
                areas=tuple(_parse_areas(area_lines)),
                content=lists["content"],
                outcomes=lists["outcome"],
                skills=lists["skill"],
                procedures=lists["procedure"],
                objectives=tuple(f["objective"]),
                goals=lists["goal"],
                projects=lists["project"],
                risks=tuple(RiskT(*r) for r in f["risk"]),
                lessons=lists["lesson"],
                resources=tuple(f["resource"]),
            )
        )
    return tuple(out)


FUNCTIONS: tuple[FunctionT, ...] = _parse_functions(_FUNCTIONS)
MANAGEMENT_AREAS: tuple[AreaT, ...] = tuple(_parse_areas(GENERIC_AREAS.strip().splitlines()))
